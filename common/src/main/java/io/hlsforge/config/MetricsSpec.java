package io.hlsforge.config;

import java.io.Serializable;

/**
 * Where each run's metrics are pushed: a Prometheus Pushgateway URL (empty = off) and the job name.
 */
public record MetricsSpec(String pushgatewayUrl, String job) implements Serializable {}
