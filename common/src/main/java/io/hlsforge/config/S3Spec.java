package io.hlsforge.config;

import java.io.Serializable;

/**
 * Where S3 hosting lives: an endpoint override (S3-compatible stores), region, path-style
 * addressing.
 */
public record S3Spec(String endpoint, String region, boolean pathStyleAccess)
    implements Serializable {}
