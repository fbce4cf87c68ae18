"""boto3 against a running Tributary: create a stream, write, read back, and a typed error.

Usage: python3 boto3_round_trip.py ENDPOINT_URL STREAM_NAME

Asserts as it goes (a failed assert exits non-zero with a traceback) and prints one JSON
object summarising what it saw, which Boto3Test checks again from Java.
"""
import base64
import json
import sys

import boto3
import botocore.exceptions


def main(endpoint_url, stream_name):
    kinesis = boto3.client(
        "kinesis",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
        aws_secret_access_key="tributary-fake-secret",
    )

    kinesis.create_stream(StreamName=stream_name, ShardCount=4)
    # The waiter's default is 10 s between polls, tuned for AWS; this stream is ready in 50 ms.
    kinesis.get_waiter("stream_exists").wait(
        StreamName=stream_name, WaiterConfig={"Delay": 1, "MaxAttempts": 30})

    described = kinesis.describe_stream(StreamName=stream_name)["StreamDescription"]
    assert described["StreamStatus"] == "ACTIVE", described
    shard_ids = [shard["ShardId"] for shard in described["Shards"]]
    assert shard_ids == ["shardId-%012d" % i for i in range(4)], shard_ids

    payload = bytes(range(256))
    put = kinesis.put_record(StreamName=stream_name, PartitionKey="boto3", Data=payload)
    batch = [{"PartitionKey": "boto3", "Data": ("record %d" % i).encode()} for i in range(10)]
    put_many = kinesis.put_records(StreamName=stream_name, Records=batch)
    assert put_many["FailedRecordCount"] == 0, put_many
    assert all(r["ShardId"] == put["ShardId"] for r in put_many["Records"]), put_many

    iterator = kinesis.get_shard_iterator(
        StreamName=stream_name, ShardId=put["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = kinesis.get_records(ShardIterator=iterator, Limit=100)["Records"]
    datas = [r["Data"] for r in records]
    assert datas == [payload] + [b["Data"] for b in batch], datas
    assert records[0]["SequenceNumber"] == put["SequenceNumber"], records[0]
    sequence_numbers = [int(r["SequenceNumber"]) for r in records]
    assert sequence_numbers == sorted(sequence_numbers), sequence_numbers

    try:
        kinesis.describe_stream(StreamName=stream_name + "-missing")
        raise AssertionError("describe_stream of a missing stream succeeded")
    except kinesis.exceptions.ResourceNotFoundException as e:
        missing_error = e.response["Error"]

    try:
        kinesis.create_stream(StreamName=stream_name, ShardCount=1)
        raise AssertionError("create_stream of an existing stream succeeded")
    except kinesis.exceptions.ResourceInUseException as e:
        in_use_error = e.response["Error"]

    print(json.dumps({
        "shardIds": shard_ids,
        "putShardId": put["ShardId"],
        "putSequenceNumber": put["SequenceNumber"],
        "readCount": len(records),
        "firstData": base64.b64encode(records[0]["Data"]).decode(),
        "arrival": records[0]["ApproximateArrivalTimestamp"].timestamp(),
        "missingStreamError": missing_error,
        "existingStreamError": in_use_error,
        "botocoreVersion": botocore.__version__,
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
