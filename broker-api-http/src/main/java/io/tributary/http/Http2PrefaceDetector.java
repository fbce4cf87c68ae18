package io.tributary.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * Picks HTTP/1.1 or HTTP/2 for a connection by its first bytes: HTTP/2 with prior knowledge if
 * they are the client connection preface {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n} (RFC 9113
 * §3.4), HTTP/1.1 as soon as one byte differs. It consumes nothing: once it knows, it adds the
 * chosen stack behind itself, removes itself, and the bytes it held go on to that stack (the
 * HTTP/2 codec reads the preface itself).
 *
 * <p>This is how the AWS SDK for Java v2 and the SDK for JavaScript v3 speak HTTP/2 to an
 * {@code http://} endpoint: the preface straight away, no {@code Upgrade: h2c} request. The
 * upgrade dance is not served: RFC 9113 §3.1 deprecates it, and no Kinesis client uses it. On the
 * TLS port it runs after the handshake when the client offered no ALPN protocol this server
 * speaks, which is what the SDK for Java v2 does by default.
 *
 * <p>Confined to its channel's event loop.
 */
final class Http2PrefaceDetector extends ByteToMessageDecoder {
  private static final byte[] PREFACE = preface();

  private final ProtocolStacks stacks;

  Http2PrefaceDetector(ProtocolStacks stacks) {
    this.stacks = stacks;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int available = Math.min(in.readableBytes(), PREFACE.length);
    for (int i = 0; i < available; i++) {
      if (in.getByte(in.readerIndex() + i) != PREFACE[i]) {
        stacks.addHttp1(ctx.pipeline());
        ctx.pipeline().remove(this);
        return;
      }
    }
    if (available == PREFACE.length) {
      stacks.addHttp2(ctx.pipeline());
      ctx.pipeline().remove(this);
    }
  }

  private static byte[] preface() {
    ByteBuf preface = Http2CodecUtil.connectionPrefaceBuf();
    try {
      return ByteBufUtil.getBytes(preface);
    } finally {
      preface.release();
    }
  }
}
