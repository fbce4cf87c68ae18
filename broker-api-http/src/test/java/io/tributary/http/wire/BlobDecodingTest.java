package io.tributary.http.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading JSON bodies with the blobs of an operation decoded while parsing. */
class BlobDecodingTest {
  private static final BlobPaths PUT_RECORDS = BlobPaths.of(List.of(List.of("Records", BlobPaths.ELEMENT, "Data")));
  private static final BlobPaths PUT_RECORD = BlobPaths.of(List.of(List.of("Data")));

  private final WireCodec codec = new WireCodec();

  private JsonNode read(String json, BlobPaths blobs) throws IOException {
    return codec.readTree(json.getBytes(StandardCharsets.UTF_8), WireFormat.JSON, blobs);
  }

  @Test
  void canonicalBase64OnABlobPathArrivesAsBytes() throws IOException {
    JsonNode body = read("{\"StreamName\":\"s\",\"Records\":[{\"Data\":\"QUJD\",\"PartitionKey\":\"QUJD\"},"
        + "{\"PartitionKey\":\"k\",\"Data\":\"QUI=\"},{\"Data\":\"\",\"PartitionKey\":\"k\"}]}", PUT_RECORDS);
    JsonNode records = body.get("Records");
    assertArrayEquals(new byte[] {'A', 'B', 'C'}, records.get(0).get("Data").binaryValue());
    assertTrue(records.get(0).get("PartitionKey").isTextual(), "only blobs are decoded");
    assertArrayEquals(new byte[] {'A', 'B'}, records.get(1).get("Data").binaryValue());
    assertArrayEquals(new byte[0], records.get(2).get("Data").binaryValue());
  }

  @Test
  void textThatIsNotCanonicalBase64StaysTextForTheValidatorToRefuse() throws IOException {
    for (String text : List.of("QUJ", "QR==", "AB!=", "A===", "QU\\u004aD", "QUJD\\n")) {
      JsonNode body = read("{\"Data\":\"" + text + "\"}", PUT_RECORD);
      assertTrue(body.get("Data").isTextual(), text);
      assertEquals(new ObjectMapper().readTree("\"" + text + "\"").textValue(), body.get("Data").textValue());
    }
  }

  @Test
  void blobsOfEveryLengthAroundTheEightByteScanAreDecoded() throws IOException {
    for (int length = 0; length <= 40; length++) {
      byte[] data = new byte[length];
      new Random(length).nextBytes(data);
      String text = Base64.getEncoder().encodeToString(data);
      JsonNode body = read("{\"Data\":\"" + text + "\"}", PUT_RECORD);
      assertArrayEquals(data, body.get("Data").binaryValue(), text);
    }
  }

  @Test
  void anEscapeAnywhereInABlobLeavesItText() throws IOException {
    String base64 = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";
    for (int at = 0; at <= base64.length(); at++) {
      String text = base64.substring(0, at) + "\\u0041" + base64.substring(at);
      JsonNode body = read("{\"Data\":\"" + text + "\"}", PUT_RECORD);
      assertTrue(body.get("Data").isTextual(), text);
      assertEquals(base64.substring(0, at) + "A" + base64.substring(at), body.get("Data").textValue());
    }
  }

  @Test
  void sameMemberNameOffTheBlobPathsStaysText() throws IOException {
    JsonNode body = read("{\"Data\":\"QUJD\",\"Other\":{\"Data\":\"QUJD\"},\"Records\":{\"Data\":\"QUJD\"}}",
        PUT_RECORDS);
    assertTrue(body.get("Data").isTextual());
    assertTrue(body.get("Other").get("Data").isTextual());
    assertTrue(body.get("Records").get("Data").isTextual());
  }

  @Test
  void treeIsOtherwiseTheOneJacksonReads() throws IOException {
    String json = "{ \"Records\" : [ { \"Data\" : \"QUJD\" , \"N\" : 1.5, \"Big\": 123456789012345678901234567890,"
        + " \"B\": true, \"Z\": null, \"L\": [1, \"x\", {}] } ], \"Records2\": [] }";
    JsonNode decoded = read(json, PUT_RECORDS);
    JsonNode plain = new ObjectMapper().readTree(json);
    ((ObjectNode) plain.get("Records").get(0)).put("Data", new byte[] {'A', 'B', 'C'});
    assertEquals(plain, decoded);
  }

  @Test
  void malformedOrTrailingJsonStillFails() {
    assertThrows(IOException.class, () -> read("{\"Data\":\"QUJD\"} {}", PUT_RECORD));
    assertThrows(IOException.class, () -> read("{\"Data\":\"QUJD", PUT_RECORD));
    assertThrows(IOException.class, () -> read("{\"Data\":\"QUJD\",}", PUT_RECORD));
  }

  @Test
  void blobPathsMatchOnlyFromTheRoot() throws IOException {
    JsonNode body = read("{\"Records\":[{\"Records\":[{\"Data\":\"QUJD\"}]}]}", PUT_RECORDS);
    assertTrue(body.get("Records").get(0).get("Records").get(0).get("Data").isTextual());
  }
}
