package io.hlsforge.inspect;

/**
 * The elementary streams of a program that segment inspection reads: the first H.264 stream and the
 * first audio stream, as PIDs ({@link #NONE} when absent).
 */
record ProgramMap(int videoPid, int audioPid, AudioCoding audioCoding) {
  static final int NONE = -1;

  /** How the audio stream's access units are framed, which decides how they are counted. */
  enum AudioCoding {
    NONE,
    AAC_ADTS,
    MPEG_AUDIO
  }

  boolean isEmpty() {
    return videoPid == NONE && audioPid == NONE;
  }
}
