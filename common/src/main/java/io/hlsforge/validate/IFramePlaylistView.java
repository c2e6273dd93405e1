package io.hlsforge.validate;

import io.hlsforge.hls.PlaylistParser;

/** An I-frame playlist the master lists with every required attribute, as read. */
record IFramePlaylistView(String uri, PlaylistParser.Tagged tag, PlaylistParser.Media playlist) {}
