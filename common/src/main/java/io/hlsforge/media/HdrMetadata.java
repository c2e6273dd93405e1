package io.hlsforge.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;

/**
 * HDR10's static metadata as x265 takes it: the mastering display (SMPTE ST 2086: primaries and
 * white point in 0.00002 units, luminance in 0.0001 cd/m²) and the content light level (MaxCLL,
 * MaxFALL in cd/m²). Read from the first frame's side data ({@code ffprobe -show_frames}); null
 * parts when the source does not carry them.
 *
 * @param masterDisplay {@code G(x,y)B(x,y)R(x,y)WP(x,y)L(max,min)}, or null
 * @param maxCll {@code MaxCLL,MaxFALL}, or null
 */
public record HdrMetadata(String masterDisplay, String maxCll) implements Serializable {
  public static final HdrMetadata NONE = new HdrMetadata(null, null);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** From {@code ffprobe -show_frames -show_entries frame=side_data_list -of json} output. */
  public static HdrMetadata parse(String json) {
    JsonNode frames;
    try {
      frames = JSON.readTree(json).path("frames");
    } catch (IOException e) {
      return NONE;
    }
    String display = null;
    String cll = null;
    for (JsonNode f : frames) {
      for (JsonNode sd : f.path("side_data_list")) {
        String type = sd.path("side_data_type").asText();
        if (type.equals("Mastering display metadata") && sd.has("max_luminance")) {
          display =
              "G("
                  + units(sd, "green_x", 50000)
                  + ","
                  + units(sd, "green_y", 50000)
                  + ")B("
                  + units(sd, "blue_x", 50000)
                  + ","
                  + units(sd, "blue_y", 50000)
                  + ")R("
                  + units(sd, "red_x", 50000)
                  + ","
                  + units(sd, "red_y", 50000)
                  + ")WP("
                  + units(sd, "white_point_x", 50000)
                  + ","
                  + units(sd, "white_point_y", 50000)
                  + ")L("
                  + units(sd, "max_luminance", 10000)
                  + ","
                  + units(sd, "min_luminance", 10000)
                  + ")";
        } else if (type.equals("Content light level metadata")) {
          cll = sd.path("max_content").asLong() + "," + sd.path("max_average").asLong();
        }
      }
      if (display != null || cll != null) {
        break;
      }
    }
    return new HdrMetadata(display, cll);
  }

  /** A rational such as {@code 13250/50000} in units of 1/{@code scale}: 13250. */
  private static long units(JsonNode sd, String field, long scale) {
    String v = sd.path(field).asText("0/1");
    int slash = v.indexOf('/');
    try {
      double num = Double.parseDouble(slash < 0 ? v : v.substring(0, slash));
      double den = slash < 0 ? 1 : Double.parseDouble(v.substring(slash + 1));
      return Math.round(num / den * scale);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
