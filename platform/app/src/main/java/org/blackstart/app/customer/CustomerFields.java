package org.blackstart.app.customer;

import java.util.List;

/** A customer as given by a CSV row or a JSON body, before validation; any field may be missing. */
record CustomerFields(String id, String name, String email, String phone, String language, String region,
                      List<String> services, List<String> channels, Boolean keyAccount) {
}
