package io.dataops4j.bench.model;

/** Why a run ended; {@code code} is one of some thirty values ("SUCCESS", "USER_CANCELED", ...). */
public record TerminationDetails(String code, TerminationType type, String message) {
}
