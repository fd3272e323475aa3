package io.dataops4j.core.internal;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
            // proxies: the JVM's ProxySelector, looked up on every new connection (not once, when this client is
            // built), so -Dhttps.proxyHost/-Dhttp.nonProxyHosts and a ProxySelector installed later both apply
            return new OkHttpClient.Builder()
                    .proxySelector(JvmProxySelector.INSTANCE)
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

    /** Delegates to whatever {@link ProxySelector#getDefault()} is at the time of the call. */
    static final class JvmProxySelector extends ProxySelector {
        static final JvmProxySelector INSTANCE = new JvmProxySelector();

        @Override
        public List<Proxy> select(URI uri) {
            ProxySelector jvm = ProxySelector.getDefault();
            return jvm == null || jvm == this ? List.of(Proxy.NO_PROXY) : jvm.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            ProxySelector jvm = ProxySelector.getDefault();
            if (jvm != null && jvm != this) {
                jvm.connectFailed(uri, address, e);
            }
        }
    }
}
