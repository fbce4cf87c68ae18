package io.tributary.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The event stream of one SubscribeToShard subscription, read as it arrives: an
 * {@code initial-response} event first, then a {@code SubscribeToShardEvent} for every batch of
 * records (and, on an idle shard, about every five seconds without records) until the server ends
 * the body, which AWS does after five minutes. An {@code exception} message carries an error
 * instead ({@code :exception-type} ResourceNotFoundException, say) and ends the subscription.
 *
 * <p>Event payloads are in the request's encoding, JSON or CBOR, as Kinesis writes them; see the
 * API reference of SubscribeToShard and SubscribeToShardEventStream. Events of other types are
 * skipped, as SDKs skip members of the event stream union they do not know.
 *
 * <p>Every failure is a {@link RequestFailedException}: an exception message by its
 * {@code :exception-type}, bad framing or a broken connection by the Java exception's name.
 *
 * <p>Confined to the thread reading it.
 */
final class SubscriptionStream implements Closeable {

    /** The media type of an event-stream body. */
    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    static final String INITIAL_RESPONSE = "initial-response";
    static final String EVENT = "SubscribeToShardEvent";

    private final InputStream body;
    private final EventStreamDecoder decoder;
    private final JsonFactory payloads;

    /** @param body the response body, transfer coding removed; closing this stream closes it */
    SubscriptionStream(InputStream body, JsonFactory payloads) {
        this.body = body;
        this.decoder = new EventStreamDecoder(body);
        this.payloads = payloads;
    }

    /** Reads the {@code initial-response}, which must be the first message. */
    void readInitialResponse() {
        EventStreamMessage message = nextMessage();
        if (message == null) {
            throw new RequestFailedException("EventStreamEnded", 200, "the event stream ended before its "
                    + INITIAL_RESPONSE, null);
        }
        String type = message.stringHeader(EventStreamMessage.EVENT_TYPE);
        if (!INITIAL_RESPONSE.equals(type)) {
            throw new RequestFailedException("UnexpectedEvent", 200, "the event stream began with " + type
                    + ", not " + INITIAL_RESPONSE, null);
        }
    }

    /**
     * Reads the next {@code SubscribeToShardEvent}, passing its records to {@code sink} in order.
     *
     * @return the event, or null when the server ended the stream normally
     */
    KinesisResponses.SubscriptionEvent next(KinesisResponses.RecordSink sink) {
        while (true) {
            EventStreamMessage message = nextMessage();
            if (message == null) {
                return null;
            }
            if (!EVENT.equals(message.stringHeader(EventStreamMessage.EVENT_TYPE))) {
                continue;
            }
            try (JsonParser p = payloads.createParser(message.payload())) {
                return KinesisResponses.subscribeToShardEvent(p, sink);
            } catch (IOException e) {
                throw new RequestFailedException("UndecodableEvent", 200, e.getMessage(), e);
            }
        }
    }

    /** Stops reading; before the end of the stream, this closes the connection under it. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // The connection is being abandoned either way.
        }
    }

    /** The next message, or null at the end of the stream; an exception message is thrown. */
    private EventStreamMessage nextMessage() {
        EventStreamMessage message;
        try {
            message = decoder.next();
        } catch (IOException e) {
            throw new RequestFailedException(e.getClass().getSimpleName(), 0, e.getMessage(), e);
        }
        if (message != null && message.isException()) {
            String type = message.stringHeader(EventStreamMessage.EXCEPTION_TYPE);
            String text;
            try (JsonParser p = payloads.createParser(message.payload())) {
                text = KinesisResponses.error(p).message();
            } catch (IOException e) {
                text = null;
            }
            throw new RequestFailedException(type != null ? type : "UnnamedException", 200, text, null);
        }
        return message;
    }
}
