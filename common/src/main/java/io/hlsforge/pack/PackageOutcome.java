package io.hlsforge.pack;

import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import java.io.Serializable;
import java.util.List;

/** What packaging one asset produced: its rendition rows and segment rows. */
public record PackageOutcome(List<RenditionRecord> renditions, List<SegmentRecord> segments)
    implements Serializable {}
