package org.assistance.reportingservice.timelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.junit.jupiter.api.Test;

/**
 * A stored line reads back as the same words in every language, and a page of them costs a parse
 * each (no database, no event decoding): 500 lines in a few milliseconds.
 */
class TimelineTextsTest {
    private static final UUID SHIPMENT = UUID.fromString("00000000-0000-0000-0000-000000000042");

    @Test
    void a_stored_line_reads_back_as_the_same_words_in_each_of_the_six_languages() {
        for (Text line : List.of(held(), planned())) {
            Text stored = TimelineTexts.fromJson(TimelineTexts.json(line));
            for (var language : Languages.SUPPORTED) {
                assertThat(TimelineSummary.in(stored, language)).isEqualTo(TimelineSummary.in(line, language));
            }
        }
        assertThat(TimelineSummary.in(TimelineTexts.fromJson(TimelineTexts.json(held())), Languages.RUSSIAN))
                .isEqualTo("Отправка " + SHIPMENT + " задержана экспортным контролем: SUR-1 LICENCE_REQUIRED "
                        + "согласно 5A001.f (мера Совета Безопасности ООН); FOR-1 LICENCE_REQUIRED");
        assertThat(TimelineSummary.in(planned(), Languages.SPANISH))
                .isEqualTo("Envío " + SHIPMENT + " previsto desde VIE hacia KE: 2 línea(s), 900.00 EUR");
    }

    @Test
    void reading_a_page_of_500_stored_lines_in_arabic_takes_milliseconds() {
        List<String> page = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            page.add(TimelineTexts.json(i % 2 == 0 ? held() : planned()));
        }
        page.forEach(json -> TimelineSummary.in(TimelineTexts.fromJson(json), Languages.ARABIC)); // warm
        long start = System.nanoTime();
        int characters = 0;
        for (String json : page) {
            characters += TimelineSummary.in(TimelineTexts.fromJson(json), Languages.ARABIC)
                    .length();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(characters).isPositive();
        assertThat(millis).as("500 lines read in %d ms", millis).isLessThan(500);
    }

    private static Text held() {
        return TimelineSummary.of(new ShipmentHeld(
                UUID.randomUUID(),
                SHIPMENT,
                "KE",
                List.of(
                        new ScreeningHit(
                                "SUR-1",
                                "SURVEILLANCE",
                                UUID.randomUUID(),
                                "LICENCE_REQUIRED",
                                "5A001.f",
                                "controlled",
                                "UN_SECURITY_COUNCIL",
                                null,
                                null),
                        new ScreeningHit("FOR-1", "FORENSICS", UUID.randomUUID(), "LICENCE_REQUIRED", null, "x")),
                OffsetDateTime.now()));
    }

    private static Text planned() {
        Money cost = new Money(new BigDecimal("450.00"), "EUR");
        return TimelineSummary.of(new ShipmentPlanned(
                UUID.randomUUID(),
                SHIPMENT,
                "agency-1",
                "KE",
                "VIE",
                List.of(
                        new ShipmentLine("SUR-1", "Camera", "SURVEILLANCE", true, 1, cost),
                        new ShipmentLine("FOR-1", "Kit", "FORENSICS", false, 1, cost)),
                new Money(new BigDecimal("900.00"), "EUR"),
                OffsetDateTime.now()));
    }
}
