package io.dataops4j.databricks.sql;

import com.squareup.moshi.Json;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.databricks.internal.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SQL warehouses: create, edit, get, list, start, stop, delete; pollers until RUNNING or STOPPED; {@link #ensureRunning}.
 *
 * <pre>{@code
 * Warehouses wh = dbx.sql().warehouses();
 * Warehouse running = wh.ensureRunning("abc123", Duration.ofMinutes(10));   // starts it if stopped, waits
 * wh.stop("abc123").waitForCompletion(Duration.ofMinutes(5));
 * wh.list().forEach(w -> System.out.println(w.name() + " " + w.state()));
 * }</pre>
 */
public final class Warehouses {
    private static final String API = "api/2.0/sql/warehouses";

    private final Context ctx;
    private final String host;

    Warehouses(Context ctx, String host) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.host = Objects.requireNonNull(host, "host");
    }

    /** {@code {"id": "..."}}. */
    public record Created(String id) {
    }

    /** A page of warehouses. */
    public record WarehousesPage(List<Warehouse> warehouses, @Json(name = "next_page_token") String nextPageToken) {
    }

    /** Creates a warehouse; the poller waits until it is RUNNING ({@link Poller#id()} is its id). */
    public Poller<Warehouse> create(WarehouseSpec spec) {
        Created c = ctx.send(ApiRequest.post(API).json(spec.toWire()).operation("warehouses.create").build(), Created.class);
        return pollRunning(c.id());
    }

    /** Changes a warehouse's settings. */
    public void edit(String id, WarehouseSpec spec) {
        ctx.send(ApiRequest.post(API + "/" + id + "/edit").json(spec.toWire()).idempotent().operation("warehouses.edit").build());
    }

    /** A warehouse. */
    public Warehouse get(String id) {
        return ctx.send(ApiRequest.get(API + "/" + Objects.requireNonNull(id, "id")).operation("warehouses.get").build(),
                Warehouse.class);
    }

    /** Every warehouse, lazily. */
    public Paged<Warehouse> list() {
        return Paged.tokens(token -> {
            WarehousesPage p = ctx.send(ApiRequest.get(API).query("page_token", token).operation("warehouses.list").build(),
                    WarehousesPage.class);
            return p == null ? new Page<>(List.of(), null) : new Page<>(p.warehouses(), p.nextPageToken());
        });
    }

    /** Starts a warehouse; the poller waits until it is RUNNING. */
    public Poller<Warehouse> start(String id) {
        ctx.send(ApiRequest.post(API + "/" + id + "/start").json(Map.of()).idempotent().operation("warehouses.start").build());
        return pollRunning(id);
    }

    /** Stops a warehouse; the poller waits until it is STOPPED. */
    public Poller<Warehouse> stop(String id) {
        ctx.send(ApiRequest.post(API + "/" + id + "/stop").json(Map.of()).idempotent().operation("warehouses.stop").build());
        return pollStopped(id);
    }

    /** Deletes a warehouse. */
    public void delete(String id) {
        ctx.send(ApiRequest.delete(API + "/" + id).operation("warehouses.delete").build());
    }

    /** A poller until the warehouse is RUNNING; STOPPED, DELETING or DELETED on the way fail it. */
    public Poller<Warehouse> pollRunning(String id) {
        return ctx.<Warehouse>poller(id, "SQL warehouse " + id + " start", () -> {
            Warehouse w = get(id);
            return switch (w.stateOrUnknown()) {
                case RUNNING -> PollResponse.succeeded(w);
                case STOPPED, DELETING, DELETED -> PollResponse.failed(w, "it is " + w.state() + health(w));
                default -> new PollResponse<>(io.dataops4j.core.poll.PollStatus.IN_PROGRESS, w, null, String.valueOf(w.state()));
            };
        }).build();
    }

    /** A poller until the warehouse is STOPPED; DELETED on the way fails it. */
    public Poller<Warehouse> pollStopped(String id) {
        return ctx.<Warehouse>poller(id, "SQL warehouse " + id + " stop", () -> {
            Warehouse w = get(id);
            return switch (w.stateOrUnknown()) {
                case STOPPED -> PollResponse.succeeded(w);
                case DELETING, DELETED -> PollResponse.failed(w, "it is " + w.state());
                default -> new PollResponse<>(io.dataops4j.core.poll.PollStatus.IN_PROGRESS, w, null, String.valueOf(w.state()));
            };
        }).build();
    }

    /**
     * The warehouse, RUNNING: returned at once when it runs, started when it is stopped (or stopping), waited for
     * when it is starting.
     *
     * @throws OperationFailedException when it is deleted or stops while starting
     * @throws io.dataops4j.core.error.PollTimeoutException when it is not running in time
     */
    public Warehouse ensureRunning(String id, Duration timeout) {
        Warehouse w = get(id);
        return switch (w.stateOrUnknown()) {
            case RUNNING -> w;
            case DELETING, DELETED -> throw new OperationFailedException("SQL warehouse " + id + " is " + w.state(), w);
            case STARTING -> pollRunning(id).waitForCompletion(timeout);
            default -> start(id).waitForCompletion(timeout);
        };
    }

    /** How BI tools connect to a warehouse (JDBC, ODBC, Power BI). */
    public ConnectionDetails connectionDetails(String id) {
        return ConnectionDetails.of(get(id), host);
    }

    private static String health(Warehouse w) {
        if (w.health() == null) {
            return "";
        }
        Object summary = w.health().asMap().get("summary");
        Object message = w.health().asMap().get("message");
        Object text = summary != null ? summary : message;
        return text == null ? "" : " (" + text + ")";
    }
}
