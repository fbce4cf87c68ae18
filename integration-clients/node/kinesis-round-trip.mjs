// The AWS SDK for JavaScript v3 against Tributary: one round trip of records, run by
// JavaScriptSdkTest and checked there again from the JSON this prints to standard output.
//
// Usage: node kinesis-round-trip.mjs ENDPOINT HANDLER STREAM RECORD_COUNT
//   HANDLER is "default", the Kinesis client's own request handler (NodeHttp2Handler: HTTP/2,
//   h2c to an http:// endpoint), or "http1", NodeHttpHandler (HTTP/1.1). With "default" the
//   records are also read back through SubscribeToShard by a registered consumer.
//
// Record i carries payload(i), a rule JavaScriptSdkTest knows too: record 0 every byte value
// once, record 1 100 KiB, the rest 1 to 2,000 bytes. The script fails (exit code 1, the error on
// standard error) at the first thing that is not as Kinesis would have it.
import {
  KinesisClient,
  CreateStreamCommand,
  DescribeStreamConsumerCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  RegisterStreamConsumerCommand,
  SubscribeToShardCommand,
  waitUntilStreamExists,
} from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const [endpoint, handler, streamName, recordCountText] = process.argv.slice(2);
const recordCount = Number(recordCountText);
if (!endpoint || !["default", "http1"].includes(handler) || !streamName || !(recordCount >= 2)) {
  console.error("usage: node kinesis-round-trip.mjs ENDPOINT default|http1 STREAM RECORD_COUNT(>=2)");
  process.exit(2);
}

function payload(i) {
  if (i === 0) {
    return Uint8Array.from({ length: 256 }, (_, j) => j);
  }
  const length = i === 1 ? 100 * 1024 : 1 + ((i * 131) % 2000);
  return Uint8Array.from({ length }, (_, j) => (i * 31 + j * 7) & 0xff);
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// Which protocol and Content-Type each response came back with, seen from the raw response:
// NodeHttpHandler's body is an http.IncomingMessage, NodeHttp2Handler's a ClientHttp2Stream.
const protocols = new Set();
const contentTypes = new Set();
function recordExchange(response) {
  const body = response.body;
  if (body?.httpVersion) {
    protocols.add("HTTP/" + body.httpVersion);
  } else if (body?.session) {
    protocols.add("HTTP/2 (" + (body.session.alpnProtocol ?? "prior knowledge") + ")");
  } else {
    protocols.add("unknown");
  }
  contentTypes.add(response.headers["content-type"]);
}

const client = new KinesisClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  ...(handler === "http1" ? { requestHandler: new NodeHttpHandler() } : {}),
});
client.middlewareStack.add(
  (next) => async (args) => {
    const result = await next(args);
    recordExchange(result.response);
    return result;
  },
  { step: "deserialize", name: "recordProtocol" },
);

await client.send(new CreateStreamCommand({ StreamName: streamName, ShardCount: 2 }));
await waitUntilStreamExists({ client, minDelay: 1, maxWaitTime: 30 }, { StreamName: streamName });

const put = [];
const first = await client.send(new PutRecordCommand({
  StreamName: streamName, PartitionKey: "pk-0", Data: payload(0),
}));
put.push({ index: 0, shardId: first.ShardId, sequenceNumber: first.SequenceNumber });
const batch = [];
for (let i = 1; i < recordCount; i++) {
  batch.push({ PartitionKey: "pk-" + i, Data: payload(i) });
}
const putRecords = await client.send(new PutRecordsCommand({ StreamName: streamName, Records: batch }));
check(putRecords.FailedRecordCount === 0, "PutRecords failed " + putRecords.FailedRecordCount + " records");
putRecords.Records.forEach((r, k) => put.push({ index: k + 1, shardId: r.ShardId, sequenceNumber: r.SequenceNumber }));

const shards = (await client.send(new ListShardsCommand({ StreamName: streamName }))).Shards;
check(shards.length === 2, "ListShards returned " + shards.length + " shards");

function summarize(shardId, record) {
  return {
    shardId,
    sequenceNumber: record.SequenceNumber,
    partitionKey: record.PartitionKey,
    data: Buffer.from(record.Data).toString("base64"),
  };
}

const records = [];
for (const shard of shards) {
  let iterator = (await client.send(new GetShardIteratorCommand({
    StreamName: streamName, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON",
  }))).ShardIterator;
  for (;;) {
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
    page.Records.forEach((r) => records.push(summarize(shard.ShardId, r)));
    if (page.Records.length === 0 && page.MillisBehindLatest === 0) {
      break;
    }
    iterator = page.NextShardIterator;
  }
}
check(records.length === recordCount, "GetRecords read " + records.length + " of " + recordCount + " records");
for (const r of records) {
  const index = Number(r.partitionKey.slice("pk-".length));
  check(Buffer.from(payload(index)).equals(Buffer.from(r.data, "base64")), "record " + index + " changed on the way");
}

const subscribed = [];
if (handler === "default") {
  const { StreamARN } = (await client.send(new DescribeStreamSummaryCommand({ StreamName: streamName })))
    .StreamDescriptionSummary;
  const { ConsumerARN } = (await client.send(new RegisterStreamConsumerCommand({
    StreamARN, ConsumerName: "js-consumer",
  }))).Consumer;
  for (;;) {
    const status = (await client.send(new DescribeStreamConsumerCommand({ ConsumerARN })))
      .ConsumerDescription.ConsumerStatus;
    if (status === "ACTIVE") {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const shard of shards) {
    const expected = records.filter((r) => r.shardId === shard.ShardId).length;
    const stop = new AbortController();
    const subscription = await client.send(new SubscribeToShardCommand({
      ConsumerARN,
      ShardId: shard.ShardId,
      StartingPosition: { Type: "TRIM_HORIZON" },
    }), { abortSignal: stop.signal });
    let count = 0;
    for await (const event of subscription.EventStream) {
      check(event.SubscribeToShardEvent, "unexpected event " + JSON.stringify(Object.keys(event)));
      for (const r of event.SubscribeToShardEvent.Records) {
        subscribed.push(summarize(shard.ShardId, r));
        count++;
      }
      if (count >= expected) {
        break;
      }
    }
    stop.abort();
  }
}

client.destroy();
console.log(JSON.stringify({
  handler,
  protocols: [...protocols],
  contentTypes: [...contentTypes],
  shardIds: shards.map((s) => s.ShardId),
  put,
  records,
  subscribed,
}));
