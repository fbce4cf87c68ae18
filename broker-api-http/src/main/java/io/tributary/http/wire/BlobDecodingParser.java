package io.tributary.http.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A JSON parser over a request body that hands each blob on {@link BlobPaths} to the tree reader
 * as bytes (an embedded object, which becomes a binary node, as a CBOR byte string does) instead
 * of as text.
 *
 * <p>Why: base64 text is most of a JSON PutRecords body. Read as text, every character is decoded
 * from UTF-8 into Jackson's buffer, copied into a {@code String}, and copied again to be decoded.
 * Here the digits are decoded straight from the body's bytes, between the quotes, and Jackson only
 * skips over them. Text that is not canonical base64, or that contains a JSON escape, is left as
 * text, so the validator refuses it with AWS's message exactly as before.
 *
 * <p>Confined to the thread parsing one body.
 */
final class BlobDecodingParser extends JsonParserDelegate {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  private final byte[] body;
  private final BlobPaths blobs;
  /** The bytes of the blob the parser is at, or null when it is at anything else. */
  private byte[] blob;

  /**
   * A JSON factory whose parsers over byte arrays are {@code BlobDecodingParser}s for {@code
   * blobs}; an {@code ObjectMapper} over it reads trees exactly as over a plain factory (empty
   * bodies, trailing tokens, duplicate members) apart from those blobs. Thread-safe.
   */
  static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;
    private final transient BlobPaths blobs;

    Factory(BlobPaths blobs) {
      this.blobs = blobs;
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
      JsonParser json = super._createParser(data, offset, len, ctxt);
      return offset == 0 && len == data.length ? new BlobDecodingParser(json, data, blobs) : json;
    }

    @Override
    public JsonFactory copy() {
      return new Factory(blobs);
    }
  }

  BlobDecodingParser(JsonParser json, byte[] body, BlobPaths blobs) {
    super(json);
    this.body = body;
    this.blobs = blobs;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    blob = null;
    JsonToken token = delegate.nextToken();
    if (token == JsonToken.VALUE_STRING && blobs.contains(delegate.getParsingContext())) {
      blob = rawBlob().orElse(null);
      if (blob != null) {
        return JsonToken.VALUE_EMBEDDED_OBJECT;
      }
    }
    return token;
  }

  /**
   * The blob decoded from the body between the string's quotes, or empty if it must be read as
   * text: an escape in it, or not canonical base64.
   */
  private Optional<byte[]> rawBlob() {
    long quote = delegate.currentTokenLocation().getByteOffset();
    if (quote < 0 || quote >= body.length || body[(int) quote] != '"') {
      return Optional.empty();
    }
    int start = (int) quote + 1;
    int end = closingQuoteOrEscape(start);
    if (end >= body.length || body[end] != '"') {
      return Optional.empty();
    }
    return Base64Text.tryDecode(body, start, end - start);
  }

  /**
   * The index of the first {@code "} or {@code \} at or after {@code from}, or the body's length.
   * Eight bytes at a time: a blob is most of a PutRecords body, and a byte-by-byte loop over it
   * cost as much as decoding it.
   */
  private int closingQuoteOrEscape(int from) {
    int i = from;
    for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
      long word = (long) LONGS.get(body, i);
      long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
      if (found != 0) {
        return i + Long.numberOfTrailingZeros(found) / Byte.SIZE;
      }
    }
    while (i < body.length && body[i] != '"' && body[i] != '\\') {
      i++;
    }
    return i;
  }

  /**
   * The high bit of each zero byte of {@code word} set, and possibly of bytes above a zero byte
   * (a borrow), never below one: the lowest set bit marks the first zero byte in little-endian
   * order exactly.
   */
  private static long zeroBytes(long word) {
    return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
  }

  @Override
  public Object getEmbeddedObject() throws IOException {
    return blob != null ? blob : delegate.getEmbeddedObject();
  }

  @Override
  public byte[] getBinaryValue() throws IOException {
    return blob != null ? blob : delegate.getBinaryValue();
  }

  @Override
  public JsonToken currentToken() {
    return blob != null ? JsonToken.VALUE_EMBEDDED_OBJECT : delegate.currentToken();
  }

  @Override
  @Deprecated
  public JsonToken getCurrentToken() {
    return currentToken();
  }

  @Override
  public int currentTokenId() {
    return blob != null ? JsonToken.VALUE_EMBEDDED_OBJECT.id() : delegate.currentTokenId();
  }

  @Override
  @Deprecated
  public int getCurrentTokenId() {
    return currentTokenId();
  }

  @Override
  public boolean hasToken(JsonToken t) {
    return blob != null ? t == JsonToken.VALUE_EMBEDDED_OBJECT : delegate.hasToken(t);
  }

  @Override
  public boolean hasTokenId(int id) {
    return blob != null ? id == JsonToken.VALUE_EMBEDDED_OBJECT.id() : delegate.hasTokenId(id);
  }

  // Every other way of moving on leaves the blob behind.

  @Override
  public String nextFieldName() throws IOException {
    blob = null;
    return delegate.nextFieldName();
  }

  @Override
  public boolean nextFieldName(SerializableString name) throws IOException {
    blob = null;
    return delegate.nextFieldName(name);
  }

  @Override
  public JsonToken nextValue() throws IOException {
    blob = null;
    return delegate.nextValue();
  }

  @Override
  public String nextTextValue() throws IOException {
    blob = null;
    return delegate.nextTextValue();
  }

  @Override
  public int nextIntValue(int defaultValue) throws IOException {
    blob = null;
    return delegate.nextIntValue(defaultValue);
  }

  @Override
  public long nextLongValue(long defaultValue) throws IOException {
    blob = null;
    return delegate.nextLongValue(defaultValue);
  }

  @Override
  public Boolean nextBooleanValue() throws IOException {
    blob = null;
    return delegate.nextBooleanValue();
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    if (blob != null) {
      return this;
    }
    return delegate.skipChildren();
  }

  @Override
  public void clearCurrentToken() {
    blob = null;
    delegate.clearCurrentToken();
  }
}
