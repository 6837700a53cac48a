package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP endpoint of the application and who may call it, in one table ({@link #INVENTORY}).
 * The endpoints are found where they are registered: Spring MVC's request mappings (controllers,
 * actuator, Camel's platform-http routes), URL handler mappings (static resources), Camel's
 * platform-http endpoints, the servlets of the servlet context, and Camunda's REST resources in
 * Jersey's resource model. A new endpoint that the table does not declare fails the build, and so does
 * an endpoint that does not refuse whom the table says it refuses.
 */
class EndpointInventoryIT extends PlatformIT {

    private static final String COMMANDERS = "incident-commanders";
    private static final String AGENTS = "support-agents";
    private static final String ADMINS = "platform-admins";
    private static final String ON_CALL = "on-call";
    /** A demo user per Blackstart group, and one in none of them. */
    private static final Map<String, String> MEMBER_OF = Map.of(COMMANDERS, "commander", AGENTS, "agent",
            ADMINS, "admin", ON_CALL, "oncall-1");
    private static final String NO_GROUP_USER = "inventory-nobody";
    private static final String PROBE = "inventory-probe";

    enum Kind {
        /** Anyone, without credentials. */
        PUBLIC,
        /** A machine with the endpoint's own credential (bearer token, HMAC, signature); people's logins do not count. */
        OWN_CREDENTIAL,
        /** HTTP Basic (or a token) of a member of one of the groups. */
        GROUPS,
        /** Camunda's REST authentication; what the user may then do is the engine's authorizations. */
        ENGINE,
        /** A Camunda webapp login session; what the user may then do is the engine's authorizations. */
        WEBAPP,
        /** The webapps' login itself: open to anyone, answers only to right credentials. */
        WEBAPP_LOGIN
    }

    record Access(Kind kind, Set<String> groups) {
        static Access of(Kind kind) {
            return new Access(kind, Set.of());
        }

        static Access groups(String... groups) {
            return new Access(Kind.GROUPS, Set.of(groups));
        }
    }

    private static final Access PUBLIC = Access.of(Kind.PUBLIC);
    private static final Access OWN_CREDENTIAL = Access.of(Kind.OWN_CREDENTIAL);
    private static final Access ENGINE = Access.of(Kind.ENGINE);
    private static final Access WEBAPP = Access.of(Kind.WEBAPP);
    private static final Access ANY_MEMBER = Access.groups(COMMANDERS, AGENTS, ADMINS, ON_CALL);
    private static final Access CUSTOMER_READERS = Access.groups(COMMANDERS, AGENTS, ADMINS);
    private static final Access COMMAND = Access.groups(COMMANDERS, ADMINS);
    private static final Access AGENTS_AND_ADMINS = Access.groups(AGENTS, ADMINS);
    private static final Access ADMINS_ONLY = Access.groups(ADMINS);

    /** Camunda's REST resources, each under {@code /engine-rest} and {@code /engine-rest/engine/{name}}. */
    private static final Set<String> ENGINE_REST_RESOURCES = Set.of("/authorization", "/batch", "/case-definition",
            "/case-execution", "/case-instance", "/condition", "/decision-definition", "/decision-requirements-definition",
            "/deployment", "/event-subscription", "/execution", "/external-task", "/filter", "/group", "/history",
            "/identity", "/incident", "/job", "/job-definition", "/message", "/metrics", "/migration", "/modification",
            "/optimize", "/process-definition", "/process-instance", "/schema/log", "/signal", "/task", "/telemetry",
            "/tenant", "/user", "/variable-instance", "/version");

    /** Servlets by URL mapping: Spring MVC's dispatcher, Camunda's REST API, the webapps' APIs. */
    private static final Set<String> SERVLET_MAPPINGS = Set.of("/", "/engine-rest/*", "/camunda/api/admin/*",
            "/camunda/api/cockpit/*", "/camunda/api/engine/*", "/camunda/api/tasklist/*", "/camunda/api/welcome/*");

    /**
     * The inventory: "METHOD path" as the application registers it ({@code ANY} where no method is
     * named), and who may call it. Declaring a new endpoint here is deciding who may call it.
     */
    private static final Map<String, Access> INVENTORY = inventory(
            // Tasklist for the browser, static files, and what an operator's monitoring polls
            "GET /", PUBLIC,
            "ANY /error", PUBLIC,
            "ANY /**", PUBLIC, // Spring's static resources: classpath:/static and /public, which Blackstart leaves empty
            "ANY /webjars/**", PUBLIC,
            "ANY /camunda/app/**", PUBLIC, // the webapps' pages and scripts; their data comes from /camunda/api after login
            "ANY /camunda/api/**", PUBLIC, // static files only: the APIs themselves are the servlets below
            "ANY /camunda/assets/**", PUBLIC,
            "ANY /camunda/lib/**", PUBLIC,
            "ANY /camunda/favicon.ico", PUBLIC,
            "GET /actuator", ADMINS_ONLY,
            "GET /actuator/health", PUBLIC,
            "GET /actuator/health/**", PUBLIC,
            "GET /actuator/info", PUBLIC,
            "GET /actuator/metrics", ADMINS_ONLY,
            "GET /actuator/metrics/{requiredMetricName}", ADMINS_ONLY,

            // the public status page, its feed and subscriptions
            "GET /status", PUBLIC,
            "GET /status/", PUBLIC,
            "GET /status/incidents/{key}", PUBLIC,
            "GET /status/incidents/{key}/report", PUBLIC,
            "GET /status/history", PUBLIC,
            "GET /status/feed.atom", PUBLIC,
            "GET /status/summary.json", PUBLIC,
            "GET /status/status.css", PUBLIC,
            // the incident pages: markup and scripts only, their data comes from GET /api/incidents with the webapps' login
            "GET /incidents", PUBLIC,
            "GET /incidents/", PUBLIC,
            "GET /incidents/{key}", PUBLIC,
            "GET /incidents/assets/{name}", PUBLIC,
            // the insights page: markup and scripts only, its data comes from GET /api/insights with the webapps' login
            "GET /insights", PUBLIC,
            "GET /insights/", PUBLIC,
            "GET /insights/assets/{name}", PUBLIC,
            // the search page: markup and scripts only, its data comes from GET /api/search with the webapps' login
            "GET /search", PUBLIC,
            "GET /search/", PUBLIC,
            "GET /search/assets/{name}", PUBLIC,
            "GET /incidents/{key}/postmortem", PUBLIC,
            "GET /incidents/assets/postmortem-page.js", PUBLIC,
            "POST /status/subscribe", PUBLIC,
            "GET /status/confirm", PUBLIC,
            "GET /status/unsubscribe", PUBLIC,
            "POST /status/unsubscribe", PUBLIC,

            // machines, each with its own credential (SecurityConfiguration.WEBHOOK_POSTS)
            "POST /api/alerts/alertmanager", OWN_CREDENTIAL,
            "POST /api/alerts/grafana", OWN_CREDENTIAL,
            "POST /api/events", OWN_CREDENTIAL,
            "POST /api/heartbeats/{name}", OWN_CREDENTIAL,
            // vendors' Jira desks and the team's own Jira (account "actions", PlatformIT configures it), signed per account
            "POST /api/vendor-webhooks/jira/{account}", OWN_CREDENTIAL,

            // incidents and paging
            "GET /api/incidents", ANY_MEMBER,
            "POST /api/incidents", COMMAND,
            "GET /api/incidents/{key}", ANY_MEMBER,
            "POST /api/incidents/{key}/acknowledge", ANY_MEMBER,
            "POST /api/incidents/{key}/notes", CUSTOMER_READERS,
            "POST /api/incidents/{key}/triage", COMMAND,
            "POST /api/incidents/{key}/pages", COMMAND,
            "POST /api/incidents/{key}/on-site", COMMAND,
            "POST /api/incidents/{key}/reopen", COMMAND,
            "POST /api/incidents/{key}/deferred-work", COMMAND,
            "POST /api/incidents/{key}/close", COMMAND,
            "PUT /api/incidents/{key}/components/{component}", COMMAND,
            "PUT /api/incidents/{key}/key-times/{name}", COMMAND,
            "POST /api/incidents/{key}/links", COMMAND,
            "DELETE /api/incidents/{key}/links/{id}", COMMAND,
            "PUT /api/incidents/{key}/timeline/{entryId}/pin", CUSTOMER_READERS,
            "DELETE /api/incidents/{key}/timeline/{entryId}/pin", CUSTOMER_READERS,
            "GET /api/incidents/{key}/alerts", ANY_MEMBER,
            "GET /api/incidents/{key}/postmortem.pdf", CUSTOMER_READERS,
            // action items: commanders record them; an item's owner or a commander marks it done (the API checks the owner)
            "POST /api/incidents/{key}/actions", COMMAND,
            "POST /api/actions/{id}/done", ANY_MEMBER,
            "GET /api/actions", CUSTOMER_READERS,
            // the postmortem: read by whoever runs incidents or talks to customers; asked for by commanders
            "GET /api/incidents/{key}/postmortem", CUSTOMER_READERS,
            "GET /api/incidents/{key}/postmortem.md", CUSTOMER_READERS,
            "POST /api/incidents/{key}/postmortem", COMMAND,
            // runbooks: listed for everyone in a group, run by commanders; evidence from whoever works a step
            // (the API checks the step is theirs), read by everyone in a group
            "GET /api/runbooks", ANY_MEMBER,
            "GET /api/incidents/{key}/runbooks", ANY_MEMBER,
            "POST /api/incidents/{key}/runbooks", COMMAND,
            "GET /api/runbook-steps/{taskId}/evidence", ANY_MEMBER,
            "POST /api/runbook-steps/{taskId}/evidence", Access.groups(COMMANDERS, ON_CALL, ADMINS),
            "GET /api/runbook-evidence/{id}", ANY_MEMBER,
            "GET /api/alerts", ANY_MEMBER,
            // search: everyone in a group, each finding what their role may read
            "GET /api/search", ANY_MEMBER,
            // figures across incidents and the open action items
            "GET /api/insights", CUSTOMER_READERS,
            "GET /api/insights.csv", CUSTOMER_READERS,
            "GET /api/oncall/people", CUSTOMER_READERS,
            "GET /api/oncall/people/{id}", CUSTOMER_READERS, // and an on-call engineer their own record
            "PUT /api/oncall/people/{id}", COMMAND,
            "DELETE /api/oncall/people/{id}", COMMAND,
            "GET /api/oncall/schedules", ANY_MEMBER,
            "GET /api/oncall/schedules/{name}", ANY_MEMBER,
            "PUT /api/oncall/schedules/{name}", COMMAND,
            "DELETE /api/oncall/schedules/{name}", COMMAND,
            "GET /api/oncall/schedules/{name}/on-call", ANY_MEMBER,
            "GET /api/oncall/policies", ANY_MEMBER,
            "GET /api/oncall/policies/{name}", ANY_MEMBER,
            "PUT /api/oncall/policies/{name}", COMMAND,
            "DELETE /api/oncall/policies/{name}", COMMAND,
            "GET /api/oncall/policies/{name}/levels", ANY_MEMBER,

            // customers and what is written to them
            "GET /api/customers", CUSTOMER_READERS,
            "GET /api/customers/{id}", CUSTOMER_READERS,
            "POST /api/customers/import", AGENTS_AND_ADMINS,
            "PUT /api/customers/{id}", AGENTS_AND_ADMINS,
            "DELETE /api/customers/{id}", AGENTS_AND_ADMINS,
            "GET /api/notice-templates", CUSTOMER_READERS,
            "GET /api/notice-templates/variables", CUSTOMER_READERS,
            "GET /api/notice-templates/{phase}/{language}", CUSTOMER_READERS,
            "PUT /api/notice-templates/{phase}/{language}", AGENTS_AND_ADMINS,
            "DELETE /api/notice-templates/{phase}/{language}", AGENTS_AND_ADMINS,
            "POST /api/notice-templates/{phase}/{language}/preview", CUSTOMER_READERS,
            "GET /api/maintenance", ANY_MEMBER,
            "POST /api/maintenance", Access.groups(COMMANDERS, AGENTS, ADMINS),
            "GET /api/maintenance/{key}", ANY_MEMBER,
            "PUT /api/maintenance/{key}", Access.groups(COMMANDERS, AGENTS, ADMINS),
            "POST /api/maintenance/{key}/cancel", Access.groups(COMMANDERS, AGENTS, ADMINS),
            "POST /api/maintenance/{key}/complete", Access.groups(COMMANDERS, AGENTS, ADMINS),
            "POST /api/statuspage/export", ADMINS_ONLY,
            "POST /api/admin/search/reindex", ADMINS_ONLY,
            "GET /api/admin/search/reindex", ADMINS_ONLY,

            // vendors
            "GET /api/vendors", CUSTOMER_READERS,
            "GET /api/vendors/{id}", CUSTOMER_READERS,
            "PUT /api/vendors/{id}", COMMAND,
            "DELETE /api/vendors/{id}", COMMAND,
            "GET /api/vendors/stats", CUSTOMER_READERS,
            "GET /api/vendors/{id}/stats", CUSTOMER_READERS,
            "GET /api/vendor-messages", CUSTOMER_READERS,
            "GET /api/vendor-messages/{id}", CUSTOMER_READERS,
            "GET /api/vendor-messages/{id}/files/{fileId}", CUSTOMER_READERS,
            "POST /api/vendor-messages/{id}/file", COMMAND,
            "POST /api/vendor-messages/{id}/dismiss", COMMAND,
            "POST /api/vendor-messages/{id}/classification", COMMAND,
            "GET /api/incidents/{key}/vendor-cases", CUSTOMER_READERS,
            "POST /api/incidents/{key}/vendor-cases/{caseNumber}/close", COMMAND,
            "GET /api/incidents/{key}/vendor-escalations", CUSTOMER_READERS,
            "POST /api/incidents/{key}/vendor-escalations", COMMAND,
            "GET /api/incidents/{key}/vendor-escalations/{vendor}/attachments", ANY_MEMBER,
            "POST /api/incidents/{key}/vendor-escalations/{vendor}/attachments", Access.groups(COMMANDERS, ON_CALL, ADMINS),

            // the platform and the demo
            "GET /api/plugins", CUSTOMER_READERS,
            "GET /api/demo/mail", CUSTOMER_READERS,
            "GET /api/demo/pages", CUSTOMER_READERS,
            "POST /api/demo/vendor-mail", COMMAND,

            // Camunda's REST API: every resource (ENGINE_REST_RESOURCES) under the engine's authorizations; the list
            // of engine names is open, as Camunda made it
            "ANY /engine-rest/{resource}", ENGINE,
            "GET /engine-rest/engine", PUBLIC,
            "ANY /engine-rest/engine/{name}/{resource}", ENGINE,

            // Camunda's webapps (sampled, by servlet): the pages and plugin scripts load for anyone, the data only
            // after the webapp's own login; the login page needs the engine names and asks who is logged in
            "GET /camunda/app/tasklist/", PUBLIC,
            "GET /camunda/app/cockpit/", PUBLIC,
            "GET /camunda/app/admin/", PUBLIC,
            "GET /camunda/app/welcome/", PUBLIC,
            "POST /camunda/api/admin/auth/user/default/login/tasklist", Access.of(Kind.WEBAPP_LOGIN),
            "GET /camunda/api/admin/auth/user/default", PUBLIC,
            "GET /camunda/api/admin/auth/user/default/{probe}", WEBAPP,
            "GET /camunda/api/admin/plugin/{plugin}/default/{probe}", WEBAPP,
            "GET /camunda/api/admin/plugin/{plugin}/static/{file}", PUBLIC,
            "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics", WEBAPP,
            "GET /camunda/api/cockpit/plugin/{plugin}/static/{file}", PUBLIC,
            "GET /camunda/api/engine/engine/", PUBLIC,
            "GET /camunda/api/engine/engine/default/task", WEBAPP,
            "GET /camunda/api/engine/engine/default/user", WEBAPP,
            "GET /camunda/api/tasklist/plugin/tasklist-plugin/default/static/app/plugin.js", WEBAPP,
            "GET /camunda/api/tasklist/plugin/{plugin}/static/{file}", PUBLIC,
            "GET /camunda/api/welcome/plugin/{plugin}/static/{file}", PUBLIC);

    /** What anyone may call without credentials; a change here is a change of what the world sees. */
    private static final Set<String> EXPECTED_PUBLIC = Set.of(
            // the status page, its feed and subscriptions
            "GET /status", "GET /status/", "GET /status/incidents/{key}", "GET /status/incidents/{key}/report",
            "GET /status/history", "GET /status/feed.atom",
            "GET /status/summary.json", "GET /status/status.css", "POST /status/subscribe", "GET /status/confirm",
            "GET /status/unsubscribe", "POST /status/unsubscribe",
            // health for load balancers and monitoring, the version
            "GET /actuator/health", "GET /actuator/health/**", "GET /actuator/info",
            // the incident pages' markup and scripts, which hold no data
            "GET /incidents", "GET /incidents/", "GET /incidents/{key}", "GET /incidents/assets/{name}",
            // the insights page's markup and scripts, which hold no data
            "GET /insights", "GET /insights/", "GET /insights/assets/{name}",
            // the search page's markup and scripts, which hold no data
            "GET /search", "GET /search/", "GET /search/assets/{name}",
            // the internal postmortem page's markup and script; its data comes from GET /api/incidents/{key}/postmortem
            "GET /incidents/{key}/postmortem", "GET /incidents/assets/postmortem-page.js",
            // the way into Tasklist: its pages, scripts and styles, the engine names and the login
            "GET /", "ANY /error", "ANY /**", "ANY /webjars/**", "ANY /camunda/app/**", "ANY /camunda/api/**",
            "ANY /camunda/assets/**", "ANY /camunda/lib/**", "ANY /camunda/favicon.ico", "GET /camunda/app/tasklist/",
            "GET /camunda/app/cockpit/", "GET /camunda/app/admin/", "GET /camunda/app/welcome/",
            "GET /camunda/api/admin/plugin/{plugin}/static/{file}", "GET /camunda/api/cockpit/plugin/{plugin}/static/{file}",
            "GET /camunda/api/tasklist/plugin/{plugin}/static/{file}", "GET /camunda/api/welcome/plugin/{plugin}/static/{file}",
            "GET /camunda/api/engine/engine/", "GET /engine-rest/engine", "GET /camunda/api/admin/auth/user/default",
            "POST /camunda/api/admin/auth/user/default/login/tasklist");

    /**
     * Declared by hand because they are not Spring MVC's: Camunda's REST resources and samples of the
     * webapps' API servlets and pages.
     */
    private static final Set<String> DECLARED_OUTSIDE_MVC = INVENTORY.keySet().stream()
            .filter(key -> key.matches("[A-Z]+ (/engine-rest/.*|/camunda/api/(admin|cockpit|engine|tasklist|welcome)/.*"
                    + "|/camunda/app/[a-z]+/)")).collect(Collectors.toSet());

    @Autowired
    WebApplicationContext context;

    @Autowired
    CamelContext camel;

    @Autowired
    IdentityService identity;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Map<String, Access> inventory(Object... keysAndAccess) {
        Map<String, Access> inventory = new LinkedHashMap<>();
        for (int i = 0; i < keysAndAccess.length; i += 2) {
            if (inventory.put((String) keysAndAccess[i], (Access) keysAndAccess[i + 1]) != null) {
                throw new IllegalStateException("declared twice: " + keysAndAccess[i]);
            }
        }
        return inventory;
    }

    @BeforeEach
    void aUserInNoneOfBlackstartsGroups() {
        if (identity.createUserQuery().userId(NO_GROUP_USER).count() == 0) {
            User user = identity.newUser(NO_GROUP_USER);
            user.setPassword(NO_GROUP_USER);
            identity.saveUser(user);
        }
    }

    /** Spring MVC (controllers, actuator, platform-http), URL handler mappings (static resources) and Camel. */
    private Set<String> registeredEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> endpoints.addAll(keys(info))));
        context.getBeansOfType(AbstractUrlHandlerMapping.class).values().forEach(mapping -> {
            mapping.getHandlerMap().keySet().forEach(pattern -> endpoints.add("ANY " + pattern));
            if (mapping.getRootHandler() != null) {
                endpoints.add("ANY /");
            }
        });
        camel.getEndpoints().stream().filter(PlatformHttpEndpoint.class::isInstance).map(PlatformHttpEndpoint.class::cast)
                .forEach(endpoint -> {
                    String methods = endpoint.getHttpMethodRestrict();
                    for (String method : methods == null ? new String[] {"ANY"} : methods.split(",")) {
                        endpoints.add(method.trim() + " " + endpoint.getPath());
                    }
                });
        return endpoints;
    }

    private static List<String> keys(RequestMappingInfo info) {
        Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
        List<String> keys = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            if (methods.isEmpty()) {
                keys.add("ANY " + pattern);
            }
            methods.forEach(method -> keys.add(method + " " + pattern));
        }
        return keys;
    }

    private Set<String> engineRestRoots(String root) {
        ResourceConfig rest = context.getBean(ResourceConfig.class);
        return rest.getClasses().stream().filter(type -> type.isAnnotationPresent(Path.class)).map(Resource::from)
                .filter(resource -> resource.getPath().equals(root))
                .flatMap(resource -> resource.getChildResources().stream()).map(Resource::getPath)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyEndpointIsDeclaredInTheInventory() {
        // given
        Set<String> registered = registeredEndpoints();
        Set<String> declared = new TreeSet<>(INVENTORY.keySet());
        declared.removeAll(DECLARED_OUTSIDE_MVC);

        // then
        assertThat(registered).as("registered endpoints").allSatisfy(endpoint -> assertThat(declared)
                .as("new endpoint %s is not in the inventory: declare who may call it in EndpointInventoryIT.INVENTORY", endpoint)
                .contains(endpoint));
        assertThat(declared).allSatisfy(endpoint -> assertThat(registered)
                .as("%s is in the inventory but no longer registered: remove it", endpoint).contains(endpoint));
    }

    @Test
    void everyServletAndCamundaRestResourceIsDeclared() {
        // given
        ServletContext servlets = context.getServletContext();
        Set<String> mappings = servlets.getServletRegistrations().values().stream()
                .flatMap(registration -> registration.getMappings().stream()).collect(Collectors.toCollection(TreeSet::new));

        // then
        assertThat(mappings).as("servlet mappings: a new servlet is a new set of endpoints; declare it and its "
                + "authentication in EndpointInventoryIT").containsExactlyInAnyOrderElementsOf(SERVLET_MAPPINGS);
        assertThat(context.getBean(ResourceConfig.class).getClasses().stream().filter(type -> type.isAnnotationPresent(Path.class))
                .map(type -> Resource.from(type).getPath())).as("Camunda REST root resources: the default engine's and named engines'")
                .containsExactlyInAnyOrder("", "/engine");
        assertThat(engineRestRoots("")).as("Camunda REST resources: declare a new one in ENGINE_REST_RESOURCES")
                .containsExactlyInAnyOrderElementsOf(ENGINE_REST_RESOURCES);
        assertThat(engineRestRoots("/engine")).as("Camunda REST resources of a named engine")
                .containsExactlyInAnyOrderElementsOf(ENGINE_REST_RESOURCES.stream().map(r -> "/{name}" + r).toList());
    }

    @Test
    void everyEndpointRefusesWhomTheInventorySays() throws Exception {
        // when
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Access> entry : INVENTORY.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String pattern = entry.getKey().substring(method.length() + 1);
            if (pattern.contains("{resource}")) {
                for (String resource : ENGINE_REST_RESOURCES) {
                    String path = pattern.replace("/{resource}", resource).replace("{name}", "default");
                    check(wrong, "GET", path, entry.getValue());
                    check(wrong, "POST", path, entry.getValue());
                }
            } else {
                check(wrong, method.equals("ANY") ? "GET" : method, concrete(pattern), entry.getValue());
            }
        }

        // then
        assertThat(wrong).as("endpoints that do not refuse whom the inventory says").isEmpty();
    }

    @Test
    void thePublicEndpointsAreExactlyTheExpectedOnes() throws Exception {
        // when: everything in the inventory, called without credentials
        Set<String> answered = new TreeSet<>();
        for (String key : INVENTORY.keySet()) {
            String method = key.substring(0, key.indexOf(' '));
            String pattern = key.substring(method.length() + 1);
            String probeMethod = method.equals("ANY") ? "GET" : method;
            List<String> paths = pattern.contains("{resource}") ? ENGINE_REST_RESOURCES.stream()
                    .map(r -> pattern.replace("/{resource}", r).replace("{name}", "default")).toList() : List.of(concrete(pattern));
            for (String path : paths) {
                int status = INVENTORY.get(key).kind() == Kind.WEBAPP_LOGIN ? webappLogin("agent") : call(probeMethod, path, null);
                if (status != 401 && status != 403) {
                    answered.add(key);
                }
            }
        }

        // then
        assertThat(answered).as("what answers without credentials").containsExactlyInAnyOrderElementsOf(EXPECTED_PUBLIC);
        assertThat(INVENTORY.entrySet().stream().filter(e -> e.getValue().kind() == Kind.PUBLIC
                        || e.getValue().kind() == Kind.WEBAPP_LOGIN).map(Map.Entry::getKey))
                .as("declared public").containsExactlyInAnyOrderElementsOf(EXPECTED_PUBLIC);
    }

    private void check(List<String> wrong, String method, String path, Access access) throws Exception {
        String call = method + " " + path;
        int anonymous = call(method, path, null);
        switch (access.kind()) {
            case PUBLIC -> expect(wrong, call + " without credentials", anonymous, false);
            case OWN_CREDENTIAL -> {
                expect(wrong, call + " without credentials", anonymous, true);
                // a person's login is not the machine's credential
                expect(wrong, call + " as admin", call(method, path, "admin"), true);
            }
            case ENGINE, WEBAPP -> expect(wrong, call + " without credentials", anonymous, true);
            case WEBAPP_LOGIN -> {
                expect(wrong, call + " with a wrong password", webappLogin(null), true);
                expect(wrong, call + " with the right password", webappLogin("agent"), false);
            }
            case GROUPS -> {
                if (anonymous != 401) {
                    wrong.add(call + " without credentials answered " + anonymous + ", expected 401");
                }
                for (Map.Entry<String, String> member : MEMBER_OF.entrySet()) {
                    boolean allowed = access.groups().contains(member.getKey());
                    if (!allowed || method.equals("GET")) {
                        expect(wrong, call + " as " + member.getValue(), call(method, path, member.getValue()), !allowed);
                    }
                }
                expect(wrong, call + " as a user in no group", call(method, path, NO_GROUP_USER), true);
            }
            default -> throw new IllegalStateException(access.kind().name());
        }
    }

    private static void expect(List<String> wrong, String call, int status, boolean refused) {
        boolean wasRefused = status == 401 || status == 403;
        if (wasRefused != refused) {
            wrong.add(call + " answered " + status + (refused ? ", expected 401 or 403" : ", expected it to be let through"));
        }
    }

    /** The pattern with every variable and wildcard filled by a value that names nothing. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*?[A-Za-z]+}", PROBE).replace("/**", "/" + PROBE);
    }

    private int call(String method, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Logs in to Tasklist as {@code user} (its name as password), or as a user that does not exist when
     * null: a wrong password for a real user would hold that user back by Camunda's login throttling.
     */
    private int webappLogin(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<Void> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String token = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        String credentials = user == null ? "username=inventory-stranger&password=wrong" : "username=" + user + "&password=" + user;
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
