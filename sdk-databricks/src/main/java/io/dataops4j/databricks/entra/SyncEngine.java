package io.dataops4j.databricks.entra;

import io.dataops4j.core.error.ConflictException;
import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.databricks.scim.ComplexValue;
import io.dataops4j.databricks.scim.Group;
import io.dataops4j.databricks.scim.PatchOp;
import io.dataops4j.databricks.scim.Scim;
import io.dataops4j.databricks.scim.ScimFilter;
import io.dataops4j.databricks.scim.ScimQuery;
import io.dataops4j.databricks.scim.ServicePrincipal;
import io.dataops4j.databricks.scim.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plans and applies a {@link GroupSync}. */
final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(GroupSync.class);
    private static final int REPORT_EVERY = 500;

    private final GroupSync sync;

    SyncEngine(GroupSync sync) {
        this.sync = sync;
    }

    GroupSync sync() {
        return sync;
    }

    SyncPlan plan(ProgressListener listener) {
        Scim scim = sync.scim();
        // 1. the workspace's identities, once, with only the attributes matching needs
        Map<String, String> byUserName = new HashMap<>();
        Map<String, String> byEmail = new HashMap<>();
        Map<String, String> userNames = new HashMap<>();
        long n = 0;
        listener.progress(0, -1, "reading workspace users");
        for (User u : scim.users().list(ScimQuery.all().attributes("id", "userName", "emails"))) {
            if (u.id() == null) {
                continue;
            }
            userNames.put(u.id(), u.userName() != null ? u.userName() : u.id());
            if (u.userName() != null) {
                byUserName.put(lower(u.userName()), u.id());
            }
            for (String e : u.emailAddresses()) {
                byEmail.putIfAbsent(lower(e), u.id());
            }
            if (++n % REPORT_EVERY == 0) {
                listener.progress(n, -1, "reading workspace users");
            }
        }
        Map<String, String> byAppId = new HashMap<>();
        Map<String, String> spNames = new HashMap<>();
        listener.progress(0, -1, "reading workspace service principals");
        for (ServicePrincipal sp : scim.servicePrincipals().list(ScimQuery.all().attributes("id", "applicationId", "displayName"))) {
            if (sp.id() == null) {
                continue;
            }
            spNames.put(sp.id(), sp.applicationId() != null ? sp.applicationId() : sp.id());
            if (sp.applicationId() != null) {
                byAppId.put(lower(sp.applicationId()), sp.id());
            }
        }
        // 2. the Databricks group and its members
        listener.progress(0, -1, "reading group " + sync.groupName());
        Optional<Group> group = scim.groups().findByName(sync.groupName());
        Map<String, ComplexValue> current = new LinkedHashMap<>();
        group.ifPresent(g -> {
            if (g.members() != null) {
                g.members().forEach(m -> {
                    if (m.value() != null) {
                        current.put(m.value(), m);
                    }
                });
            }
        });
        // 3. the Entra members as they stream in: nothing of them is kept but what the plan needs
        List<SyncMember> toAdd = new ArrayList<>();
        List<SyncMember> toCreate = new ArrayList<>();
        List<SyncMember> unmatched = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> desired = new HashSet<>();
        Set<String> creating = new HashSet<>();
        int already = 0;
        int nested = 0;
        int other = 0;
        long read = 0;
        listener.progress(0, -1, "reading Entra group members");
        for (DirectoryObject o : sync.graph().transitiveMembers(sync.entraGroupId())) {
            if (++read % REPORT_EVERY == 0) {
                listener.progress(read, -1, "reading Entra group members");
            }
            if (o.id() == null || !seen.add(o.id())) {
                continue;
            }
            SyncMember.Kind kind;
            String key;
            String id;
            switch (o.kind()) {
                case GROUP -> {
                    nested++;
                    continue;
                }
                case OTHER -> {
                    other++;
                    continue;
                }
                case USER -> {
                    kind = SyncMember.Kind.USER;
                    key = userNameFor(o);
                    id = matchUser(o, byUserName, byEmail);
                }
                default -> {
                    kind = SyncMember.Kind.SERVICE_PRINCIPAL;
                    key = o.appId();
                    id = o.appId() == null ? null : byAppId.get(lower(o.appId()));
                }
            }
            if (id != null) {
                if (desired.add(id)) {
                    if (current.containsKey(id)) {
                        already++;
                    } else {
                        toAdd.add(new SyncMember(kind, id, key, o.displayName(), o.id()));
                    }
                }
            } else if (key != null && sync.createMissing()) {
                if (creating.add(kind + ":" + lower(key))) {
                    toCreate.add(new SyncMember(kind, null, key, o.displayName(), o.id()));
                }
            } else {
                unmatched.add(new SyncMember(kind, null, key != null ? key : o.id(), o.displayName(), o.id()));
            }
        }
        // 4. members not in the Entra group: users and service principals go, nested Databricks groups stay
        List<SyncMember> toRemove = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<String, ComplexValue> e : current.entrySet()) {
            String id = e.getKey();
            if (desired.contains(id)) {
                continue;
            }
            if (userNames.containsKey(id)) {
                toRemove.add(new SyncMember(SyncMember.Kind.USER, id, userNames.get(id), e.getValue().display(), null));
            } else if (spNames.containsKey(id)) {
                toRemove.add(new SyncMember(SyncMember.Kind.SERVICE_PRINCIPAL, id, spNames.get(id), e.getValue().display(), null));
            } else {
                kept++;
            }
        }
        SyncPlan plan = new SyncPlan(this, group.map(Group::id).orElse(null), toAdd, toRemove, toCreate, unmatched, already,
                nested, other, kept);
        listener.progress(read, read, "planned: " + plan.summary());
        LOG.info("group sync {} -> {}: {}", sync.entraGroupId(), sync.groupName(), plan.summary());
        return plan;
    }

    SyncResult apply(SyncPlan plan, ProgressListener listener) {
        if (!plan.hasChanges()) {
            listener.progress(0, 0, "nothing to change");
            return new SyncResult(plan.groupId(), false, List.of(), 0, 0, 0);
        }
        Scim scim = sync.scim();
        long total = (plan.groupToCreate() ? 1 : 0) + 2L * plan.toCreate().size() + plan.toAdd().size() + plan.toRemove().size();
        long done = 0;
        int requests = 0;
        String groupId = plan.groupId();
        if (groupId == null) {
            groupId = createGroup(scim);
            requests++;
            listener.progress(++done, total, "created group " + sync.groupName());
        }
        List<String> adds = new ArrayList<>(plan.toAdd().size() + plan.toCreate().size());
        plan.toAdd().forEach(m -> adds.add(m.databricksId()));
        List<SyncMember> created = new ArrayList<>();
        for (SyncMember m : plan.toCreate()) {
            String id = m.kind() == SyncMember.Kind.USER ? createUser(scim, m) : createServicePrincipal(scim, m);
            requests++;
            created.add(new SyncMember(m.kind(), id, m.key(), m.displayName(), m.entraId()));
            adds.add(id);
            listener.progress(++done, total, "created " + m.kind().label() + " " + m.key());
        }
        int batch = sync.batchSize();
        for (int i = 0; i < adds.size(); i += batch) {
            List<String> ids = adds.subList(i, Math.min(adds.size(), i + batch));
            scim.groups().patch(groupId, PatchOp.addMembers(ids));
            requests++;
            done += ids.size();
            listener.progress(done, total, "added " + ids.size() + " members");
        }
        List<SyncMember> removes = plan.toRemove();
        for (int i = 0; i < removes.size(); i += batch) {
            List<SyncMember> part = removes.subList(i, Math.min(removes.size(), i + batch));
            PatchOp.Builder op = PatchOp.builder();
            part.forEach(m -> op.removeMember(m.databricksId()));
            scim.groups().patch(groupId, op.build());
            requests++;
            done += part.size();
            listener.progress(done, total, "removed " + part.size() + " members");
        }
        SyncResult result = new SyncResult(groupId, plan.groupToCreate(), created, adds.size(), removes.size(), requests);
        LOG.info("group sync {} -> {}: {}", sync.entraGroupId(), sync.groupName(), result.summary());
        return result;
    }

    private String createGroup(Scim scim) {
        try {
            return scim.groups().create(Group.builder(sync.groupName()).build()).id();
        } catch (ConflictException e) {
            // created meanwhile: use it
            return scim.groups().findByName(sync.groupName()).map(Group::id).orElseThrow(() -> e);
        }
    }

    private static String createUser(Scim scim, SyncMember m) {
        try {
            return scim.users().create(User.builder(m.key()).displayName(m.displayName()).build()).id();
        } catch (ConflictException e) {
            return scim.users().list(ScimQuery.filter(ScimFilter.eq("userName", m.key())).attributes("id", "userName"))
                    .first().map(User::id).orElseThrow(() -> e);
        }
    }

    private static String createServicePrincipal(Scim scim, SyncMember m) {
        try {
            return scim.servicePrincipals().create(ServicePrincipal.builder(m.key()).displayName(m.displayName()).build()).id();
        } catch (ConflictException e) {
            return scim.servicePrincipals().list(ScimQuery.filter(ScimFilter.eq("applicationId", m.key()))
                    .attributes("id", "applicationId")).first().map(ServicePrincipal::id).orElseThrow(() -> e);
        }
    }

    /** The workspace user an Entra user is: by user name first, then by any email, case-insensitively. */
    private static String matchUser(DirectoryObject o, Map<String, String> byUserName, Map<String, String> byEmail) {
        for (String k : new String[] {o.userPrincipalName(), o.mail()}) {
            if (k != null && byUserName.containsKey(lower(k))) {
                return byUserName.get(lower(k));
            }
        }
        for (String k : new String[] {o.userPrincipalName(), o.mail()}) {
            if (k != null && byEmail.containsKey(lower(k))) {
                return byEmail.get(lower(k));
            }
        }
        return null;
    }

    /** The user name to create an Entra user with: its UPN, or its mail for a guest ({@code #EXT#} in the UPN). */
    static String userNameFor(DirectoryObject o) {
        String upn = o.userPrincipalName();
        if (upn == null || (upn.contains("#EXT#") && o.mail() != null)) {
            return o.mail();
        }
        return upn;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
