package org.solidarityhub.platform;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * A logged exception as it may be printed: the same classes, causes and stack frames, with each message
 * withheld or redacted by {@link LogRedaction}. Every layout reads exceptions through this interface.
 */
final class RedactedThrowableProxy extends ThrowableProxy {

    RedactedThrowableProxy(Throwable throwable) {
        super(throwable);
    }

    @Override
    public String getMessage() {
        return LogRedaction.message(getClassName(), super.getMessage(), getThrowable());
    }

    @Override
    public String getOverridingMessage() {
        return LogRedaction.redact(super.getOverridingMessage());
    }

    @Override
    public IThrowableProxy getCause() {
        return Nested.of(super.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        return Nested.all(super.getSuppressed());
    }

    /** A cause or suppressed exception, redacted the same way. */
    private record Nested(IThrowableProxy proxy) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy proxy) {
            return proxy == null || proxy instanceof Nested ? proxy : new Nested(proxy);
        }

        static IThrowableProxy[] all(IThrowableProxy[] proxies) {
            if (proxies == null) {
                return null;
            }
            IThrowableProxy[] nested = new IThrowableProxy[proxies.length];
            for (int i = 0; i < proxies.length; i++) {
                nested[i] = of(proxies[i]);
            }
            return nested;
        }

        @Override
        public String getMessage() {
            Throwable original = proxy instanceof ThrowableProxy real ? real.getThrowable() : null;
            return LogRedaction.message(proxy.getClassName(), proxy.getMessage(), original);
        }

        @Override
        public String getOverridingMessage() {
            return LogRedaction.redact(proxy.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return of(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return all(proxy.getSuppressed());
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
