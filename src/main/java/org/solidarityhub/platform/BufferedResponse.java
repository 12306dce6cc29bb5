package org.solidarityhub.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;

/**
 * Holds a page's body while it is rendered, so that the page cache can keep it, gzip it and give it its headers
 * before anything is sent. Headers go straight to the real response; a Content-Length is left to the cache (the
 * body may go out gzipped). An error sent with {@code sendError} goes its own way (the container's error page),
 * after the cache gave it its {@code Cache-Control}.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    /** Called with the status just before an error is sent. */
    interface OnError {
        void before(int status);
    }

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    private final OnError onError;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean passedOn;

    BufferedResponse(HttpServletResponse response, OnError onError) {
        super(response);
        this.onError = onError;
    }

    /** Whether the response already went out its own way (an error, a redirect). */
    boolean passedOn() {
        return passedOn;
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called already");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    buffer.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("no asynchronous writes into a page being cached");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was called already");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(buffer, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void sendError(int status) throws IOException {
        onError.before(status);
        passedOn = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        onError.before(status);
        passedOn = true;
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        passedOn = true;
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void resetBuffer() {
        buffer.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        buffer.reset();
        super.reset();
    }

    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public void setHeader(String name, String value) {
        if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }
}
