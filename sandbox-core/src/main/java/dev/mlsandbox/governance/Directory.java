package dev.mlsandbox.governance;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who exists: users, groups with their members (users or other groups), and the metastore
 * admins, who may do anything. Immutable; build it with {@link #builder()}.
 */
public final class Directory {

    private final Set<String> users;
    private final Map<String, Set<String>> groups;
    private final Set<String> admins;

    private Directory(Set<String> users, Map<String, Set<String>> groups, Set<String> admins) {
        this.users = Collections.unmodifiableSet(new LinkedHashSet<>(users));
        Map<String, Set<String>> g = new LinkedHashMap<>();
        groups.forEach((k, v) -> g.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        this.groups = Collections.unmodifiableMap(g);
        this.admins = Collections.unmodifiableSet(new LinkedHashSet<>(admins));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> users() {
        return users;
    }

    public Map<String, Set<String>> groups() {
        return groups;
    }

    public boolean isUser(String name) {
        return users.contains(name);
    }

    public boolean isGroup(String name) {
        return groups.containsKey(name);
    }

    /** A user or a group of this directory. */
    public boolean knows(String principal) {
        return isUser(principal) || isGroup(principal);
    }

    /** An admin, or a member (directly or through groups) of an admin group. */
    public boolean isAdmin(String principal) {
        return identities(principal).stream().anyMatch(admins::contains);
    }

    /** The principal itself and every group it belongs to, directly or through other groups. */
    public Set<String> identities(String principal) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(principal);
        while (!todo.isEmpty()) {
            String p = todo.poll();
            if (!out.add(p)) {
                continue;
            }
            groups.forEach((group, members) -> {
                if (members.contains(p)) {
                    todo.add(group);
                }
            });
        }
        return out;
    }

    /** Collects users, groups and admins. */
    public static final class Builder {
        private final Set<String> users = new LinkedHashSet<>();
        private final Map<String, Set<String>> groups = new LinkedHashMap<>();
        private final Set<String> admins = new LinkedHashSet<>();

        public Builder user(String name) {
            users.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        public Builder group(String name, String... members) {
            groups.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new LinkedHashSet<>())
                    .addAll(java.util.List.of(members));
            return this;
        }

        /** A user who is a metastore admin. */
        public Builder admin(String name) {
            user(name);
            admins.add(name);
            return this;
        }

        public Directory build() {
            for (String g : groups.keySet()) {
                if (users.contains(g)) {
                    throw new IllegalArgumentException("'" + g + "' is both a user and a group; principal names must be unique");
                }
            }
            for (var e : groups.entrySet()) {
                for (String m : e.getValue()) {
                    if (!users.contains(m) && !groups.containsKey(m)) {
                        throw new IllegalArgumentException("group '" + e.getKey() + "' lists member '" + m
                                + "', which is neither a user nor a group; add it first");
                    }
                }
            }
            return new Directory(users, groups, admins);
        }
    }
}
