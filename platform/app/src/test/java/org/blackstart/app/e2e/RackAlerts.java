package org.blackstart.app.e2e;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One host of a rack that stops answering, as Alertmanager (payload version 4) posts it with the demo token: the
 * application.yml rule {@code rack-outage} folds the hosts of one datacenter and rack into one incident. Each host is
 * an alert of its own (its fingerprint names the test, the host and the rack, so tests never share an alert).
 */
final class RackAlerts {

    private RackAlerts() {
    }

    static ResponseEntity<String> hostUnreachable(TestRestTemplate http, String test, String datacenter, String rack,
                                                  String host, String startsAt) {
        String payload = """
                {"version":"4","groupKey":"{}:{alertname=\\"HostUnreachable\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"blackstart","groupLabels":{"alertname":"HostUnreachable"},"commonLabels":{"alertname":"HostUnreachable"},
                 "commonAnnotations":{},"externalURL":"http://alertmanager.example:9093",
                 "alerts":[{"status":"firing","labels":{"alertname":"HostUnreachable","datacenter":"DATACENTER","rack":"RACK",
                   "instance":"HOST.RACK","severity":"critical"},"annotations":{"summary":"HOST in RACK unreachable"},
                   "startsAt":"STARTS","endsAt":"0001-01-01T00:00:00Z",
                   "generatorURL":"http://prometheus.example:9090/graph","fingerprint":"FP"}]}"""
                .replace("DATACENTER", datacenter).replace("RACK", rack).replace("HOST", host).replace("STARTS", startsAt)
                .replace("FP", test + host + rack);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("demo-alertmanager-token");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/alerts/alertmanager", HttpMethod.POST, new HttpEntity<>(payload, headers), String.class);
    }
}
