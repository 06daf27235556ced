package dev.mlsandbox.tracking.server;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Artifacts on the local file system under one root (the server's --artifacts-destination).
 * Every client-supplied path is checked before it touches the disk: no absolute paths, no
 * {@code ..} segments, no backslashes or NULs, and the resolved path must stay under the root.
 * Uploads land in a temporary file and are moved into place, so a reader never sees half a file.
 */
public final class ArtifactStore {
    /** One entry of a listing; {@code size} is null for directories. */
    public record Entry(String path, boolean dir, Long size) {}

    private final Path root;

    public ArtifactStore(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the artifact root " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The file a relative artifact path names, refusing anything that would escape the root. */
    public Path resolve(String relative) {
        String p = relative == null ? "" : relative;
        if (p.indexOf('\0') >= 0 || p.indexOf('\\') >= 0) {
            throw MlflowException.invalid("Invalid artifact path '" + p + "': backslashes and NUL characters are not allowed");
        }
        if (p.startsWith("/")) {
            throw MlflowException.invalid("Invalid artifact path '" + p + "': give a path relative to the artifact root");
        }
        for (String seg : p.split("/")) {
            if (seg.equals("..")) {
                throw MlflowException.invalid("Invalid artifact path '" + p + "': '..' would leave the artifact root; path "
                        + "traversal is refused");
            }
        }
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) {
            throw MlflowException.invalid("Invalid artifact path '" + p + "': it resolves outside the artifact root");
        }
        return resolved;
    }

    public void put(String relative, InputStream body) throws IOException {
        Path target = resolve(relative);
        if (target.equals(root) || relative.endsWith("/")) {
            throw MlflowException.invalid("Invalid artifact path '" + relative + "': name a file, not a directory");
        }
        if (Files.isDirectory(target)) {
            throw MlflowException.invalid("Cannot upload to '" + relative + "': it is a directory");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public Path get(String relative) {
        Path file = resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new MlflowException(ErrorCode.RESOURCE_DOES_NOT_EXIST, "Artifact '" + relative + "' does not exist"
                    + (Files.isDirectory(file) ? " as a file (it is a directory; list it instead)" : ""));
        }
        return file;
    }

    /** Direct children of a directory, with paths relative to {@code base} (the listing's root). */
    public List<Entry> list(String relative, Path base) throws IOException {
        Path dir = resolve(relative);
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".upload-")) {
                    continue;
                }
                String rel = base.relativize(p).toString().replace('\\', '/');
                boolean isDir = Files.isDirectory(p);
                out.add(new Entry(rel, isDir, isDir ? null : Files.size(p)));
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    public void delete(String relative) throws IOException {
        Path target = resolve(relative);
        if (target.equals(root)) {
            throw MlflowException.invalid("Refusing to delete the artifact root");
        }
        if (!Files.exists(target)) {
            throw MlflowException.notFound("Artifact '" + relative + "' does not exist");
        }
        try (var walk = Files.walk(target)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
