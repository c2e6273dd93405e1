package io.hlsforge.inspect;

import java.util.Locale;

/**
 * Reads the PSI tables a segment needs (ISO/IEC 13818-1 §2.4.4): the PAT, for the PID of the first
 * program's map, and that PMT, for the video and audio PIDs. A section must fit in the packet that
 * starts it: HLS packagers write PAT and PMT as one packet each, and a section running past its
 * packet is reported rather than guessed at.
 */
final class ProgramTables {
  static final int STREAM_TYPE_MPEG1_AUDIO = 0x03;
  static final int STREAM_TYPE_MPEG2_AUDIO = 0x04;
  static final int STREAM_TYPE_AAC_ADTS = 0x0F;
  static final int STREAM_TYPE_H264 = 0x1B;

  private static final int CRC_BYTES = 4;

  /** Bytes from table_id to the first program entry of a PAT. */
  private static final int PAT_HEADER = 8;

  /** Bytes from table_id to program_info_length's end in a PMT. */
  private static final int PMT_HEADER = 12;

  private ProgramTables() {}

  /**
   * The PMT PID of the first program (program_number != 0) in a PAT, or {@link ProgramMap#NONE}.
   */
  static int programMapPid(byte[] ts, TsPacket packet) {
    ByteWindow section = section(ts, packet, "PAT", PAT_HEADER);
    // transport_stream_id, version, section_number, last_section_number follow section_length.
    for (int e = section.start() + PAT_HEADER; e < section.end(); e += 4) {
      section.require(e, 4, "PAT program entry");
      int program = section.u16(e, "program_number");
      if (program != 0) {
        return section.u16(e + 2, "program_map_PID") & 0x1fff;
      }
    }
    return ProgramMap.NONE;
  }

  /** The first H.264 and the first AAC or MPEG audio stream of a PMT. */
  static ProgramMap programMap(byte[] ts, TsPacket packet) {
    ByteWindow section = section(ts, packet, "PMT", PMT_HEADER);
    int programInfoLength = section.u16(section.start() + 10, "program_info_length") & 0x0fff;
    int e = section.start() + PMT_HEADER + programInfoLength;
    if (e > section.end()) {
      throw section.malformed(
          String.format(
              Locale.ROOT,
              "program_info_length %d runs past the end of the section at byte %d",
              programInfoLength,
              section.end()));
    }
    int video = ProgramMap.NONE;
    int audio = ProgramMap.NONE;
    ProgramMap.AudioCoding coding = ProgramMap.AudioCoding.NONE;
    while (e < section.end()) {
      section.require(e, 5, "elementary stream entry");
      int type = section.u8(e, "stream_type");
      int pid = section.u16(e + 1, "elementary_PID") & 0x1fff;
      int infoLength = section.u16(e + 3, "ES_info_length") & 0x0fff;
      section.require(e + 5, infoLength, "ES_info of PID " + pid);
      if (type == STREAM_TYPE_H264 && video == ProgramMap.NONE) {
        video = pid;
      } else if (type == STREAM_TYPE_AAC_ADTS && audio == ProgramMap.NONE) {
        audio = pid;
        coding = ProgramMap.AudioCoding.AAC_ADTS;
      } else if ((type == STREAM_TYPE_MPEG1_AUDIO || type == STREAM_TYPE_MPEG2_AUDIO)
          && audio == ProgramMap.NONE) {
        audio = pid;
        coding = ProgramMap.AudioCoding.MPEG_AUDIO;
      }
      e += 5 + infoLength;
    }
    return new ProgramMap(video, audio, coding);
  }

  /**
   * The section that starts in this packet, from table_id to just before its CRC_32, checked to lie
   * inside the packet.
   */
  private static ByteWindow section(byte[] ts, TsPacket packet, String table, int fixedHeader) {
    ByteWindow payload = packet.payload(ts, table + " packet at byte " + packet.offset());
    int pointer = payload.u8(payload.start(), "pointer_field");
    int start = payload.start() + 1 + pointer;
    int sectionLength = payload.u16(start + 1, table + " section_length") & 0x0fff;
    int sectionEnd = start + 3 + sectionLength;
    if (sectionEnd > payload.end()) {
      throw payload.malformed(
          String.format(
              Locale.ROOT,
              "%s section_length %d runs past the end of its TS packet (the section would end at"
                  + " byte %d, the packet ends at byte %d)",
              table,
              sectionLength,
              sectionEnd,
              payload.end()));
    }
    if (3 + sectionLength < fixedHeader + CRC_BYTES) {
      throw payload.malformed(
          String.format(
              Locale.ROOT,
              "%s section_length %d is too short for its header",
              table,
              sectionLength));
    }
    return new ByteWindow(ts, start, sectionEnd - CRC_BYTES, table + " section");
  }
}
