package dev.mlsandbox.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Governance state in memory: for the library, notebooks, the lab and tests. Thread-safe. */
public final class InMemoryGovernanceState implements GovernanceState {

    private final Map<Securable, String> owners = new LinkedHashMap<>();
    private final List<Grant> grants = new ArrayList<>();

    @Override
    public synchronized Optional<String> owner(Securable securable) {
        return Optional.ofNullable(owners.get(securable));
    }

    @Override
    public synchronized List<Grant> grantsOn(Securable securable) {
        return grants.stream().filter(g -> g.securable().equals(securable)).toList();
    }

    @Override
    public synchronized void create(Securable securable, String owner) {
        if (owners.containsKey(securable)) {
            throw new GovernanceException(GovernanceException.Kind.ALREADY_EXISTS, securable.describe() + " already exists");
        }
        owners.put(securable, owner);
    }

    @Override
    public synchronized void setOwner(Securable securable, String owner) {
        if (!owners.containsKey(securable)) {
            throw GovernanceException.notFound(securable);
        }
        owners.put(securable, owner);
    }

    @Override
    public synchronized boolean addGrant(Grant grant) {
        if (grants.contains(grant)) {
            return false;
        }
        return grants.add(grant);
    }

    @Override
    public synchronized boolean removeGrant(Grant grant) {
        return grants.remove(grant);
    }

    @Override
    public synchronized void drop(Securable securable) {
        owners.remove(securable);
        grants.removeIf(g -> g.securable().equals(securable));
    }

    @Override
    public synchronized void rename(Securable from, Securable to) {
        String owner = owners.remove(from);
        if (owner == null) {
            throw GovernanceException.notFound(from);
        }
        owners.put(to, owner);
        grants.replaceAll(g -> g.securable().equals(from) ? new Grant(g.principal(), g.privilege(), to) : g);
    }
}
