package io.dataops4j.cli.doctor;

import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import java.util.List;
import java.util.Optional;

/** Dataiku DSS's conventions: {@code DKU_DSS_URL} and {@code DKU_API_KEY} (sent as the HTTP basic user). */
public final class DataikuConfig implements ServiceConfigDescriptor {
    static final String SERVICE = "Dataiku DSS";

    static final Setting URL = Setting.of("url", "DSS URL").env("DKU_DSS_URL");
    static final Setting API_KEY = Setting.of("api_key", "API key").env("DKU_API_KEY").asSecret();

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ServiceReport inspect(DoctorContext context) {
        Inspection in = new Inspection();
        ConfigResolver resolver = ConfigResolver.of(SERVICE, context.environment());
        Optional<Resolved> url = in.check(resolver, URL);
        Optional<Resolved> key = in.check(resolver, API_KEY);
        if (url.isEmpty()) {
            in.missing(resolver, URL);
        }
        CredentialReport credential;
        if (key.isPresent()) {
            credential = new CredentialReport("api-key", "API key as the HTTP basic user", Inspection.sources(List.of(key)), null);
        } else {
            in.missing(resolver, API_KEY);
            credential = CredentialReport.none("no API key");
        }
        return in.report(SERVICE, null, credential);
    }
}
