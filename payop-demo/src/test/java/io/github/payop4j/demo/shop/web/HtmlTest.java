package io.github.payop4j.demo.shop.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One escaping rule for text and attributes: nothing a customer types becomes markup. */
class HtmlTest {

    @Test
    void escapesEverythingThatCouldOpenATagOrLeaveAnAttribute() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;amp; &quot;q&quot;",
                Html.esc("<script>alert('x')</script> &amp; \"q\""));
    }

    @Test
    void nullIsEmptyAndOtherTextStays() {
        assertEquals("", Html.esc(null));
        assertEquals("Jane Doe 12.90 EUR", Html.esc("Jane Doe 12.90 EUR"));
        assertEquals("12.90&nbsp;EUR", Html.money("12.90", "EUR"));
    }
}
