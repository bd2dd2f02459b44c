package cn.nantong.hotline.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The two ways clients reach the service, over one keep-alive HTTP/1.1 connection pool and without following
 * redirects: API calls with HTTP Basic (as the API tests and the intake simulation do), and a browser session from
 * the real form login ({@code /j_security_check}) whose cookies are kept and renewed as a browser would.
 */
final class HotlineHttp {

    static final String PASSWORD = "demo12345";
    private static final Pattern COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    HotlineHttp(String baseUrl) {
        if (!baseUrl.matches("http://(127\\.0\\.0\\.1|localhost):\\d+")) {
            throw new IllegalArgumentException("only a service on this machine may be loaded, got " + baseUrl);
        }
        this.baseUrl = baseUrl;
    }

    /** A JSON POST (or a bodiless one for {@code json == null}) as {@code user} with HTTP Basic. */
    HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Authorization", basic(user));
        if (json == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as {@code user} with HTTP Basic, or anonymously for {@code user == null}. */
    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form; the session then carries the cookies, as a browser tab would. */
    Session login(String user) throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(request("/j_security_check")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String to = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || to.contains("/login")) {
            throw new IllegalStateException("form login of " + user + " refused: HTTP " + r.statusCode() + " -> " + to);
        }
        Session s = new Session(user);
        s.keepCookies(r);
        return s;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A signed-in browser: the session cookie of the form login (renewed by the service while in use) and the CSRF cookie. */
    final class Session {
        final String user;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        private Session(String user) {
            this.user = user;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpRequest.Builder b = request(path).GET();
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(r);
            return r;
        }

        private void keepCookies(HttpResponse<?> r) {
            for (String header : r.headers().allValues("Set-Cookie")) {
                Matcher m = COOKIE.matcher(header);
                if (m.find()) {
                    if (m.group(2).isEmpty()) {
                        cookies.remove(m.group(1));
                    } else {
                        cookies.put(m.group(1), m.group(2));
                    }
                }
            }
        }
    }
}
