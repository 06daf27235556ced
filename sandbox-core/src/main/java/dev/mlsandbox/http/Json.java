package dev.mlsandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper: request bodies, answers, MLmodel and signature JSON,
 * report files. An {@link ObjectMapper} is thread-safe once configured, and building one costs
 * about a millisecond and its own caches of serializers, so every reader and writer shares this
 * one. Jackson's defaults are the configuration (strict JSON: NaN only as a string, as proto3
 * JSON requires); change it here, in one place, and nowhere else.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** The shared mapper: read and write with it, never change its configuration. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
