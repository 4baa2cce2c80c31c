package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frame of the payer pages: the built-in one or the shop's ({@code payop.pages.template}),
 * with three places, {@code {{title}}}, {@code {{head}}} and {@code {{content}}}.
 *
 * <p>The template is cut into its literal parts once, when it is loaded, and a page is those
 * parts with the places in between: what is put into a place is never read again, so text from
 * Payop (escaped anyway) can never reach another place. A shop template may not hold a script:
 * the pages' Content-Security-Policy would block it, and only the library's auto-submit, with
 * the response's nonce, may run.
 */
public final class PageTemplate {

    static final String TITLE = "title";
    static final String HEAD = "head";
    static final String CONTENT = "content";
    private static final List<String> PLACES = List.of(TITLE, HEAD, CONTENT);
    private static final Pattern PLACE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*}}");
    private static final int MAX_BYTES = 64 * 1024;

    static final PageTemplate BUILT_IN = parse("built-in", """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            {{head}}
            <title>{{title}}</title>
            </head>
            <body class="payop-body">
            {{content}}
            </body>
            </html>
            """);

    /** Literal text, then a place name, alternately: text0, place1, text1, ..., textN. */
    private final List<String> parts;

    private PageTemplate(List<String> parts) {
        this.parts = parts;
    }

    /**
     * Loads and checks the shop's template from the application's class loader (the thread's
     * context class loader while the application starts or serves a request: the WAR's, which
     * sees WEB-INF/classes wherever this jar is installed).
     *
     * @throws IllegalStateException naming the setting and what to change
     */
    public static PageTemplate load(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(resource, context != null ? context : PageTemplate.class.getClassLoader());
    }

    /**
     * Loads and checks the shop's template.
     *
     * @param resource a class path resource, as {@code payop.pages.template} holds it
     * @throws IllegalStateException naming the setting and what to change
     */
    static PageTemplate load(String resource, ClassLoader loader) {
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw problem(resource + " is not on the application's class path; put the template into"
                        + " src/main/resources/" + resource + " (WEB-INF/classes/" + resource + " in the WAR)");
            }
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the page template " + resource, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw problem(resource + " is larger than " + MAX_BYTES / 1024 + " KiB; link images and styles instead of"
                    + " inlining them");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw problem(resource + " is not UTF-8 text; save it as UTF-8");
        }
        return parse(resource, text);
    }

    /** The page: the template's text with {@code title}, {@code head} and {@code content} in their places. */
    String render(String title, String head, String content) {
        StringBuilder b = new StringBuilder(parts.stream().mapToInt(String::length).sum() + head.length()
                + content.length() + 64);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                b.append(part);
            } else {
                b.append(part.equals(TITLE) ? title : part.equals(HEAD) ? head : content);
            }
        }
        return b.toString();
    }

    private static PageTemplate parse(String resource, String text) {
        if (text.toLowerCase(Locale.ROOT).contains("<script")) {
            throw problem(resource + " contains a <script> element. The pages' Content-Security-Policy lets only"
                    + " the library's own auto-submit script run (with a fresh nonce per page), so a script in the"
                    + " template would be blocked; remove it (style the pages with payop.pages.stylesheet)");
        }
        List<String> parts = new ArrayList<>();
        List<String> found = new ArrayList<>();
        Matcher m = PLACE.matcher(text);
        int at = 0;
        while (m.find()) {
            String name = m.group(1);
            if (!PLACES.contains(name)) {
                throw problem(resource + " has the place {{" + name + "}}, which the pages do not fill; a template has"
                        + " {{title}}, {{head}} and {{content}}, each once");
            }
            parts.add(text.substring(at, m.start()));
            parts.add(name);
            found.add(name);
            at = m.end();
        }
        parts.add(text.substring(at));
        for (String place : PLACES) {
            long n = found.stream().filter(place::equals).count();
            if (n != 1) {
                throw problem(resource + " has {{" + place + "}} " + (n == 0 ? "nowhere" : n + " times") + "; a template"
                        + " has {{title}} (in <title>), {{head}} (in <head>) and {{content}} (in <body>), each once");
            }
        }
        return new PageTemplate(List.copyOf(parts));
    }

    private static IllegalStateException problem(String message) {
        return new IllegalStateException(Setting.PAGES_TEMPLATE.key() + ": " + message + ".");
    }
}
