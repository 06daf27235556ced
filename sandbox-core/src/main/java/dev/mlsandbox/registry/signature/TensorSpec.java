package dev.mlsandbox.registry.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One input or output of a tensor-based signature: MLflow's {@code TensorSpec}, what it infers
 * for numpy arrays and deep-learning models, written
 * {@code {"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28, 28]}}} (with
 * {@code "name"} first when named). A tensor has no {@code required}: it is always required.
 *
 * @param name  the tensor's name, or null for the single unnamed tensor
 * @param dtype numpy's dtype name ({@code float64}, {@code int32}, {@code bool}, {@code str},
 *              {@code object}, ...)
 * @param shape the dimensions; -1 is a variable dimension (usually the first: the batch)
 */
public record TensorSpec(String name, String dtype, List<Long> shape) {

    /** numpy dtype names MLflow writes ({@code np.dtype(...).name}), without sized strings. */
    static final Set<String> NUMPY_DTYPES = Set.of("bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
            "uint32", "uint64", "float16", "float32", "float64", "float128", "longdouble", "complex64", "complex128",
            "str", "bytes", "object", "datetime64", "datetime64[ns]", "datetime64[us]", "datetime64[ms]",
            "datetime64[s]", "timedelta64", "timedelta64[ns]");

    public TensorSpec {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        shape = List.copyOf(shape);
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a tensor name must not be blank; leave it out for an unnamed tensor");
        }
        if (!NUMPY_DTYPES.contains(dtype)) {
            String hint = dtype.matches("(str|bytes|<U|\\|S)\\d+")
                    ? " (MLflow does not support size information in flexible numpy data types: use str or bytes)" : "";
            throw new IllegalArgumentException("tensor " + (name == null ? "" : "'" + name + "' ") + "has dtype '" + dtype
                    + "', which is not a numpy dtype name MLflow writes" + hint + "; expected one of "
                    + NUMPY_DTYPES.stream().sorted().collect(Collectors.joining(", ")));
        }
        for (Long d : shape) {
            if (d == null || d < -1) {
                throw new IllegalArgumentException("tensor " + (name == null ? "" : "'" + name + "' ") + "has shape "
                        + shape + ": every dimension is a size >= 0 or -1 (variable)");
            }
        }
    }

    public static TensorSpec of(String name, String dtype, long... shape) {
        List<Long> s = new ArrayList<>();
        for (long d : shape) {
            s.add(d);
        }
        return new TensorSpec(name, dtype, s);
    }

    public boolean named() {
        return name != null;
    }

    /** MLflow's {@code TensorSpec.to_dict}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (name != null) {
            m.put("name", name);
        }
        m.put("type", "tensor");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("dtype", dtype);
        info.put("shape", shape);
        m.put("tensor-spec", info);
        return m;
    }

    /** numpy's tuple repr of the shape: {@code (-1,)}, {@code (-1, 4)}. */
    public String shapeRepr() {
        if (shape.size() == 1) {
            return "(" + shape.get(0) + ",)";
        }
        return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** MLflow's {@code TensorSpec.__repr__}: {@code 'x': Tensor('float64', (-1, 4))}. */
    public String repr() {
        String r = "Tensor(" + PyJson.repr(dtype) + ", " + shapeRepr() + ")";
        return name == null ? r : PyJson.repr(name) + ": " + r;
    }
}
