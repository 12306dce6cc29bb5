package org.solidarityhub.platform;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection whose server is gone also when the driver does not say so with
 * an SQLState of class 08: H2's client reports a lost server as 90067 ("connection broken") or 90121 ("database
 * closed"), and a pool that kept such a connection would hand it out again and again after the database returned
 * ({@code spring.datasource.hikari.exception-override-class-name}).
 */
public final class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        String state = failure.getSQLState();
        return "90067".equals(state) || "90121".equals(state) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
