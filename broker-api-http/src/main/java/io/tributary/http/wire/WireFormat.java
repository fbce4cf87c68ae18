package io.tributary.http.wire; public enum WireFormat { JSON, CBOR }
