package org.solidarityhub.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable, every request that needs it gets 503 with {@code Retry-After} at once (the
 * pool waits at most {@code spring.datasource.hikari.connection-timeout} for a connection): a plain translated
 * page, or for the API the JSON error of {@link ApiErrors}. Health shows the outage ({@code /actuator/health},
 * and the readiness group for load balancers) while liveness stays up.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    /** Seconds a client is asked to wait. */
    static final String RETRY_AFTER = "10";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    /** Whether a failure means the database cannot be reached (as opposed to a bad statement or data). */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Notes an outage in the log at most every ten seconds, by the kind of failure only. */
    static void noted(Throwable failure) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn("The database is unreachable; requests are answered 503 ({})", root.getClass().getName());
        }
    }

    /**
     * Once a connection could not be had, every other request fails at once for half a second instead of waiting for
     * the pool in turn (requests queued behind one cache entry would otherwise wait one pool timeout each); then
     * the next request tries the database again. Health checks go through it too, so they see the outage.
     */
    @Bean
    static BeanPostProcessor failFastDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof FailFast) ? new FailFast(dataSource) : bean;
            }
        };
    }

    /** A data source that refuses connections for a moment after the database could not be reached. */
    static final class FailFast extends DelegatingDataSource {

        private static final long PAUSE_NANOS = 500_000_000L;
        private volatile long refuseUntil = System.nanoTime() - 1;

        FailFast(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connected(() -> super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connected(() -> super.getConnection(username, password));
        }

        private interface Connecting {
            Connection connect() throws SQLException;
        }

        private Connection connected(Connecting connecting) throws SQLException {
            if (System.nanoTime() - refuseUntil < 0) {
                throw new SQLTransientConnectionException("the database was unreachable a moment ago", "08001");
            }
            try {
                return connecting.connect();
            } catch (SQLException e) {
                if (causedBy(e)) {
                    refuseUntil = System.nanoTime() + PAUSE_NANOS;
                }
                throw e;
            }
        }
    }

    /** Outermost: whatever failed for want of the database, here or in Spring Security, becomes a 503 page. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | RuntimeException e) {
                    if (!causedBy(e) || response.isCommitted()) {
                        throw e;
                    }
                    noted(e);
                    response.resetBuffer();
                    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
                    request.setAttribute(LocalizedErrorAttributes.REASON, "error.503.text");
                    response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                }
            }
        });
        registration.setName("databaseOutage");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
