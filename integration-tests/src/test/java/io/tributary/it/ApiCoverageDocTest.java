package io.tributary.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code docs/api-coverage.md} true: every operation it lists is asked of a running
 * server, and the server's answer must agree with the Status column. A server that has not
 * implemented an operation says "Tributary does not implement X yet."; any other answer (a
 * result, a validation error for the empty request) means the operation is served.
 */
class ApiCoverageDocTest {
  private static final Path COVERAGE = Path.of("../docs/api-coverage.md");
  private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| (implemented|not yet) \\|.*$", Pattern.MULTILINE);
  private static final Pattern TOTAL = Pattern.compile("^Implemented: (\\d+) of (\\d+)\\.$", Pattern.MULTILINE);
  private static final int MODEL_OPERATIONS = 39;

  @TempDir Path dataDir;

  @Test
  void statusColumnMatchesWhatTheServerAnswers() throws IOException, InterruptedException {
    String doc = Files.readString(COVERAGE);
    Map<String, Boolean> documented = new LinkedHashMap<>();
    Matcher row = ROW.matcher(doc);
    while (row.find()) {
      documented.put(row.group(1), row.group(2).equals("implemented"));
    }
    assertEquals(MODEL_OPERATIONS, documented.size(), "rows in " + COVERAGE);
    Matcher total = TOTAL.matcher(doc);
    assertTrue(total.find(), "no 'Implemented: N of M.' line");
    assertEquals(documented.values().stream().filter(b -> b).count(), Long.parseLong(total.group(1)));
    assertEquals(MODEL_OPERATIONS, Integer.parseInt(total.group(2)));

    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    try (TributaryProcess server = TributaryProcess.start(dataDir)) {
      for (Map.Entry<String, Boolean> operation : documented.entrySet()) {
        String name = operation.getKey();
        HttpResponse<String> response = http.send(KinesisHttp.signedJson(server.endpoint(), name, "{}"),
            HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(response.body());
        boolean unknown = body.path("__type").asText().equals("UnknownOperationException");
        if (unknown) {
          assertEquals("Tributary does not implement " + name + " yet.", body.path("message").asText(),
              name + " is not an operation of the Kinesis model: " + response.body());
        }
        assertEquals(operation.getValue(), !unknown,
            name + " is documented as " + (operation.getValue() ? "implemented" : "not yet") + " but the server"
                + " answered " + response.statusCode() + " " + response.body());
      }
    }
  }
}
