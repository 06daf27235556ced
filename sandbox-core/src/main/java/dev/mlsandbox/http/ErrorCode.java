package dev.mlsandbox.http;

/** MLflow's error codes (databricks.proto ErrorCode) with the HTTP status each maps to. */
public enum ErrorCode {
    INVALID_PARAMETER_VALUE(400),
    RESOURCE_ALREADY_EXISTS(400),
    RESOURCE_DOES_NOT_EXIST(404),
    MALFORMED_REQUEST(400),
    BAD_REQUEST(400),
    INVALID_STATE(400),
    ENDPOINT_NOT_FOUND(404),
    PERMISSION_DENIED(403),
    /** Databricks: the resource is busy (a serving endpoint's config update already in progress). */
    RESOURCE_CONFLICT(409),
    /** Databricks: the resource cannot answer yet (a serving endpoint whose config is still loading). */
    TEMPORARILY_UNAVAILABLE(503),
    UNAUTHENTICATED(401),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
