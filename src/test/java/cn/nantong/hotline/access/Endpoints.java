package cn.nantong.hotline.access;

import cn.nantong.hotline.identity.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method of the application, found by reflection over the compiled classes at test
 * time, so that an endpoint added later is in the access matrix without anyone listing it.
 */
final class Endpoints {

    /** What the security annotations say, method level first, then class level. */
    enum Kind { PUBLIC, AUTHENTICATED, ROLES, DENY_ALL, UNANNOTATED }

    enum Body { NONE, OBJECT, LIST }

    record Rule(Kind kind, Set<Role> roles) {

        Set<Role> allowed() {
            return switch (kind) {
                case PUBLIC, AUTHENTICATED -> EnumSet.allOf(Role.class);
                case ROLES -> roles;
                case DENY_ALL, UNANNOTATED -> EnumSet.noneOf(Role.class);
            };
        }
    }

    record Endpoint(String method, String path, Method target, Rule rule, Body body, boolean form) {

        String key() {
            return method + " " + path;
        }

        boolean hasPathParameters() {
            return path.contains("{");
        }

        boolean isApi() {
            return path.startsWith("/api/");
        }

        /** Console paths need a session on top of the annotations (quarkus.http.auth.permission.console). */
        boolean anonymousAllowed() {
            return rule.kind() == Kind.PUBLIC && !path.equals("/console") && !path.startsWith("/console/");
        }

        @Override
        public String toString() {
            return key() + " (" + target.getDeclaringClass().getSimpleName() + "." + target.getName() + ")";
        }
    }

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    private static final String PACKAGE = "cn/nantong/hotline";

    private Endpoints() {
    }

    static List<Endpoint> discover() {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                found.add(new Endpoint(verb, normalise(base + "/" + (sub == null ? "" : sub.value())), m, rule(m),
                        body(m), consumesForm(m)));
            }
        }
        found.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return found;
    }

    private static List<Class<?>> resourceClasses() {
        java.nio.file.Path root = CLASSES.resolve(PACKAGE);
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            List<Class<?>> types = new ArrayList<>();
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(f).toString().replace('/', '.').replace('\\', '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        Endpoints.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    types.add(type);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /api/x/{id: \d+}/} and {@code /api//x/{id}} both become {@code /api/x/{id}}. */
    static String normalise(String template) {
        String p = ("/" + template).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Rule rule(Method m) {
        Rule own = rule(m.getAnnotations());
        if (own != null) {
            return own;
        }
        Rule inherited = rule(m.getDeclaringClass().getAnnotations());
        return inherited != null ? inherited : new Rule(Kind.UNANNOTATED, Set.of());
    }

    private static Rule rule(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof PermitAll) {
                return new Rule(Kind.PUBLIC, Set.of());
            }
            if (a instanceof DenyAll) {
                return new Rule(Kind.DENY_ALL, Set.of());
            }
            if (a instanceof Authenticated) {
                return new Rule(Kind.AUTHENTICATED, Set.of());
            }
            if (a instanceof RolesAllowed r) {
                if (Arrays.asList(r.value()).contains("**")) {
                    return new Rule(Kind.AUTHENTICATED, Set.of());
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                Arrays.stream(r.value()).map(Role::valueOf).forEach(roles::add);
                return new Rule(Kind.ROLES, roles);
            }
        }
        return null;
    }

    /** A request of another media type would be answered 415 before any role check. */
    private static boolean consumesForm(Method m) {
        Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class)
                : m.getDeclaringClass().getAnnotation(Consumes.class);
        return consumes != null && Arrays.stream(consumes.value())
                .anyMatch(t -> t.startsWith(MediaType.APPLICATION_FORM_URLENCODED));
    }

    /** The entity parameter is the one without a JAX-RS or RESTEasy Reactive annotation or context type. */
    private static Body body(Method m) {
        for (Parameter p : m.getParameters()) {
            boolean bound = Arrays.stream(p.getAnnotations()).map(a -> a.annotationType().getPackageName())
                    .anyMatch(pkg -> pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive"));
            String typePackage = p.getType().getPackageName();
            boolean context = typePackage.startsWith("jakarta.ws.rs") || typePackage.startsWith("io.vertx")
                    || typePackage.startsWith("org.jboss.resteasy.reactive");
            if (!bound && !context) {
                return Collection.class.isAssignableFrom(p.getType()) || p.getType().isArray() ? Body.LIST : Body.OBJECT;
            }
        }
        return Body.NONE;
    }
}
