package dev.postinglint.core.policy;

import dev.postinglint.core.yaml.PolicyException;

/** Shared by the policy tests: a problem's place with the file's directory left out. */
final class PolicyLoaderTestSupport {
    private PolicyLoaderTestSupport() {
    }

    static String place(PolicyException.Problem p) {
        return p.place().location().replaceAll(".*/", "") + ":" + p.place().line() + ":" + p.place().column();
    }
}
