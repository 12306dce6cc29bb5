package org.solidarityhub.appeal;

import org.springframework.context.ApplicationContext;

/** For tests of other features: the demo appeal (taken from the seed texts), loaded unless it is there. */
public final class AppealDemo {

    private AppealDemo() {
    }

    /** Loads the demo appeal if it is not there; returns its slug. */
    public static String load(ApplicationContext context) {
        context.getBean(AppealDemoContent.class).load();
        return AppealDemoContent.SLUG;
    }
}
