package org.blackstart.app.oncall;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.blackstart.app.oncall.OnCallDirectory.Responder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/oncall}: people, schedules and escalation policies. Anyone logged in reads; incident
 * commanders and platform admins write (see SecurityConfiguration). Configuration entries are
 * read-only here (409).
 */
@RestController
@RequestMapping("/api/oncall")
class OnCallController {

    private final OnCallCatalog catalog;
    private final OnCallEditor editor;
    private final Clock clock;

    OnCallController(OnCallCatalog catalog, OnCallEditor editor, Clock clock) {
        this.catalog = catalog;
        this.editor = editor;
        this.clock = clock;
    }

    /** A schedule or policy with {@code source} ("configuration" or "api") and, for configuration, its path. */
    record EntryView<T>(String name, String source, String configuredAt, @JsonUnwrapped T spec) {
        static <T> EntryView<T> of(Entry<T> entry) {
            return new EntryView<>(entry.name(), sourceOf(entry), entry.configPath(), entry.spec());
        }
    }

    /** A person: their id, then the fields of {@link Person} (whose {@code name} is the person's name). */
    record PersonView(String id, String source, String configuredAt, @JsonUnwrapped Person person) {
        static PersonView of(EntryView<Person> entry) {
            return new PersonView(entry.name(), entry.source(), entry.configuredAt(), entry.spec());
        }
    }

    private static String sourceOf(Entry<?> entry) {
        return entry.source().name().toLowerCase(java.util.Locale.ROOT);
    }

    // people

    @GetMapping("/people")
    List<PersonView> people() {
        return views(catalog.current().people()).stream().map(PersonView::of).toList();
    }

    @GetMapping("/people/{id}")
    PersonView person(@PathVariable String id) {
        return PersonView.of(view(catalog.current().people(), Kind.PERSON, id));
    }

    @PutMapping("/people/{id}")
    ResponseEntity<PersonView> putPerson(@PathVariable String id, @RequestBody Person person, Authentication user) {
        boolean created = editor.putPerson(id, person, user.getName());
        return saved(created, "/api/oncall/people/" + id, PersonView.of(view(catalog.current().people(), Kind.PERSON, id)));
    }

    @DeleteMapping("/people/{id}")
    ResponseEntity<Void> deletePerson(@PathVariable String id) {
        editor.delete(Kind.PERSON, id);
        return ResponseEntity.noContent().build();
    }

    // schedules

    @GetMapping("/schedules")
    List<EntryView<Schedule>> schedules() {
        return views(catalog.current().schedules());
    }

    @GetMapping("/schedules/{name}")
    EntryView<Schedule> schedule(@PathVariable String name) {
        return view(catalog.current().schedules(), Kind.SCHEDULE, name);
    }

    @PutMapping("/schedules/{name}")
    ResponseEntity<EntryView<Schedule>> putSchedule(@PathVariable String name, @RequestBody Schedule schedule,
                                                    Authentication user) {
        boolean created = editor.putSchedule(name, schedule, user.getName());
        return saved(created, "/api/oncall/schedules/" + name, view(catalog.current().schedules(), Kind.SCHEDULE, name));
    }

    @DeleteMapping("/schedules/{name}")
    ResponseEntity<Void> deleteSchedule(@PathVariable String name) {
        editor.delete(Kind.SCHEDULE, name);
        return ResponseEntity.noContent().build();
    }

    record OnCallPerson(String id, String name, String phone, String via, String layer, Instant from, Instant until) {
    }

    record ScheduleOnCall(String schedule, Instant at, String timeZone, List<OnCallPerson> onCall,
                          ScheduleOverride override, List<Rotation.Shift> layers) {
    }

    /** Who is on call at {@code at} (default: now), through which layer or override, and until when. */
    @GetMapping("/schedules/{name}/on-call")
    ScheduleOnCall onCall(@PathVariable String name, @RequestParam(required = false) Instant at) {
        OnCallEntries entries = catalog.current();
        Schedule schedule = view(entries.schedules(), Kind.SCHEDULE, name).spec();
        Instant when = at == null ? clock.instant() : at;
        OnCallNow now = OnCallNow.of(schedule, when);
        List<OnCallPerson> people = new ArrayList<>();
        for (String id : now.people()) {
            Entry<Person> person = entries.people().get(id);
            String personName = person == null ? null : person.spec().name();
            String phone = person == null ? null : person.spec().phone();
            if (now.override() != null) {
                people.add(new OnCallPerson(id, personName, phone, "override", null, now.override().from(), now.override().to()));
            } else {
                now.shifts().stream().filter(s -> s.person().equals(id)).findFirst().ifPresent(s ->
                        people.add(new OnCallPerson(id, personName, phone, "layer", s.layer(), s.from(), s.until())));
            }
        }
        return new ScheduleOnCall(name, when, schedule.timeZone().getId(), people, now.override(), now.shifts());
    }

    // policies

    @GetMapping("/policies")
    List<EntryView<Policy>> policies() {
        return views(catalog.current().policies());
    }

    @GetMapping("/policies/{name}")
    EntryView<Policy> policy(@PathVariable String name) {
        return view(catalog.current().policies(), Kind.POLICY, name);
    }

    @PutMapping("/policies/{name}")
    ResponseEntity<EntryView<Policy>> putPolicy(@PathVariable String name, @RequestBody Policy policy, Authentication user) {
        boolean created = editor.putPolicy(name, policy, user.getName());
        return saved(created, "/api/oncall/policies/" + name, view(catalog.current().policies(), Kind.POLICY, name));
    }

    @DeleteMapping("/policies/{name}")
    ResponseEntity<Void> deletePolicy(@PathVariable String name) {
        editor.delete(Kind.POLICY, name);
        return ResponseEntity.noContent().build();
    }

    record ResolvedLevel(int level, Duration timeout, List<String> targets, List<Responder> responders) {
    }

    record PolicyLevels(String policy, Instant at, int repeat, int callAttempts, List<ResolvedLevel> levels) {
    }

    /** Whom each level would page at {@code at} (default: now). */
    @GetMapping("/policies/{name}/levels")
    PolicyLevels levels(@PathVariable String name, @RequestParam(required = false) Instant at) {
        OnCallEntries entries = catalog.current();
        Policy policy = view(entries.policies(), Kind.POLICY, name).spec();
        Instant when = at == null ? clock.instant() : at;
        List<ResolvedLevel> levels = new ArrayList<>();
        for (int i = 0; i < policy.levels().size(); i++) {
            Level level = policy.levels().get(i);
            levels.add(new ResolvedLevel(i + 1, level.timeout(), level.targets(),
                    CatalogOnCallDirectory.responders(entries, level, when)));
        }
        return new PolicyLevels(name, when, policy.repeat(), policy.callAttempts(), levels);
    }

    @ExceptionHandler(OnCallProblem.class)
    ResponseEntity<ProblemDetail> problem(OnCallProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.title());
        if (!problem.violations().isEmpty()) {
            body.setProperty("errors", problem.violations().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    private static <T> List<EntryView<T>> views(Map<String, Entry<T>> entries) {
        return entries.values().stream().sorted(Comparator.comparing(Entry::name)).map(EntryView::of).toList();
    }

    private static <T> EntryView<T> view(Map<String, Entry<T>> entries, Kind kind, String name) {
        Entry<T> entry = entries.get(name);
        if (entry == null) {
            throw OnCallProblem.notFound(kind, name);
        }
        return EntryView.of(entry);
    }

    private static <T> ResponseEntity<T> saved(boolean created, String location, T body) {
        return created ? ResponseEntity.created(URI.create(location)).body(body) : ResponseEntity.ok(body);
    }
}
