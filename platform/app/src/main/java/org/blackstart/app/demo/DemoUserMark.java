package org.blackstart.app.demo;

import org.camunda.bpm.engine.IdentityService;

/**
 * The mark the demo leaves on every user it creates: an entry in the engine's user info, which only
 * the demo writes and which the engine deletes together with the user. The user id alone says
 * nothing: an operator may well call a real account {@code admin}, and that one must survive the
 * demo being switched off.
 */
final class DemoUserMark {

    static final String KEY = "blackstart.demo-user";

    private DemoUserMark() {
    }

    static void mark(IdentityService identity, String userId) {
        identity.setUserInfo(userId, KEY, "true");
    }

    static boolean isMarked(IdentityService identity, String userId) {
        return "true".equals(identity.getUserInfo(userId, KEY));
    }
}
