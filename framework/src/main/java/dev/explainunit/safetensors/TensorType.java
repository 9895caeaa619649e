package dev.explainunit.safetensors;

import org.apiguardian.api.API;

/** The safetensors element types ExplainUnit reads and writes; arithmetic is always in double. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TensorType {
    /** IEEE 754 binary32, little-endian. */
    F32(4),
    /** IEEE 754 binary64, little-endian; the default for writing. */
    F64(8);

    private final int bytes;

    TensorType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }
}
