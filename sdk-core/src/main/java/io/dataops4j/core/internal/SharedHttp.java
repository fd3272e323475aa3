package io.dataops4j.core.internal;

import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The process-wide OkHttpClient: one connection pool and dispatcher that every client derives from. */
public final class SharedHttp {
    private SharedHttp() {
    }

    private static final class Holder {
        static final OkHttpClient CLIENT = create();

        private static OkHttpClient create() {
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(128);
            dispatcher.setMaxRequestsPerHost(32);
            // proxies: OkHttp uses the JVM's ProxySelector, so -Dhttps.proxyHost/-Dhttp.nonProxyHosts apply
            return new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(32, 5, java.util.concurrent.TimeUnit.MINUTES))
                    .dispatcher(dispatcher)
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(60))
                    .build();
        }
    }

    public static OkHttpClient client() {
        return Holder.CLIENT;
    }
}
