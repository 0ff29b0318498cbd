package io.turnaround.web;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.MappingMatch;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request that is never sent: a method, a path and a content type, for asking the URL rules and Spring MVC's
 * handler mappings what they would make of it. It has no body, parameters, cookies or session; anything else the
 * servlet API offers is refused, so a rule that starts reading more of the request fails loudly rather than being
 * judged on a default.
 */
final class ProbeRequest {

    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();

    private ProbeRequest(String method, String path, String contentType) {
        this.method = method;
        this.path = path;
        headers.put("accept", "*/*");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
    }

    static HttpServletRequest of(String method, String path, String contentType) {
        ProbeRequest probe = new ProbeRequest(method, path, contentType);
        return (HttpServletRequest) Proxy.newProxyInstance(ProbeRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, call, args) -> probe.answer(proxy, call, args));
    }

    private Object answer(Object proxy, Method call, Object[] args) {
        return switch (call.getName()) {
            case "getMethod" -> method;
            case "getRequestURI", "getServletPath" -> path;
            case "getRequestURL" -> new StringBuffer("http://localhost").append(path);
            case "getContextPath" -> "";
            case "getPathInfo", "getQueryString", "getParameter", "getParameterValues", "getCookies", "getSession",
                    "getUserPrincipal", "getRemoteUser", "getAuthType", "getPathTranslated",
                    "getRequestedSessionId" -> null;
            case "getParameterMap" -> Map.of();
            case "getParameterNames" -> Collections.emptyEnumeration();
            case "getHeader" -> header((String) args[0]);
            case "getHeaders" -> Collections.enumeration(header((String) args[0]) == null ? List.of()
                    : List.of(header((String) args[0])));
            case "getHeaderNames" -> Collections.enumeration(headers.keySet());
            case "getIntHeader", "getDateHeader", "getContentLength" -> -1;
            case "getContentLengthLong" -> -1L;
            case "getContentType" -> headers.get("content-type");
            case "getCharacterEncoding" -> "UTF-8";
            case "getAttribute" -> attributes.get((String) args[0]);
            case "setAttribute" -> {
                attributes.put((String) args[0], args[1]);
                yield null;
            }
            case "removeAttribute" -> attributes.remove((String) args[0]);
            case "getAttributeNames" -> Collections.enumeration(List.copyOf(attributes.keySet()));
            case "getDispatcherType" -> DispatcherType.REQUEST;
            case "getHttpServletMapping" -> DISPATCHER_SERVLET;
            case "getScheme" -> "http";
            case "getProtocol" -> "HTTP/1.1";
            case "getServerName", "getLocalName", "getRemoteHost" -> "localhost";
            case "getServerPort", "getLocalPort", "getRemotePort" -> 80;
            case "getRemoteAddr", "getLocalAddr" -> "127.0.0.1";
            case "isSecure", "isUserInRole", "isAsyncStarted", "isAsyncSupported", "isRequestedSessionIdValid",
                    "isRequestedSessionIdFromCookie", "isRequestedSessionIdFromURL" -> false;
            case "getLocale" -> Locale.ROOT;
            case "getLocales" -> Collections.enumeration(List.of(Locale.ROOT));
            case "toString" -> "probe " + method + " " + path;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("a probe request has no " + call.getName());
        };
    }

    private String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Mapped as Spring MVC's dispatcher servlet is: the default servlet, "/". */
    private static final HttpServletMapping DISPATCHER_SERVLET = new HttpServletMapping() {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getPattern() {
            return "/";
        }

        @Override
        public String getServletName() {
            return "dispatcherServlet";
        }

        @Override
        public MappingMatch getMappingMatch() {
            return MappingMatch.DEFAULT;
        }
    };
}
