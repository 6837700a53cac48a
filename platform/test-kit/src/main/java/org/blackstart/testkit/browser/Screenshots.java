package org.blackstart.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** What a screenshot from {@link HeadlessChromium} must be to show anything at all. */
public final class Screenshots {

    private Screenshots() {
    }

    /**
     * Asserts that {@code png} decodes as an image of the browser window's size and is not one
     * plain colour (a blank page, or a page that had not rendered yet); returns the image.
     */
    public static BufferedImage assertShowsAWindow(Path png) {
        return assertShowsAWindow(png, HeadlessChromium.WINDOW_WIDTH, HeadlessChromium.WINDOW_HEIGHT);
    }

    /** As {@link #assertShowsAWindow(Path)}, for a window resized to {@code width} x {@code height}. */
    public static BufferedImage assertShowsAWindow(Path png, int width, int height) {
        BufferedImage image;
        try {
            image = ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the screenshot " + png, e);
        }
        assertThat(image).as("%s decodes as an image", png).isNotNull();
        assertThat(image.getWidth()).as("width of %s", png).isEqualTo(width);
        assertThat(image.getHeight()).as("height of %s", png).isEqualTo(height);
        assertThat(colours(image, 3)).as("colours in %s (one means a blank page)", png).isGreaterThan(2);
        return image;
    }

    /** How many different colours the image has, counting no further than {@code enough}. */
    static int colours(BufferedImage image, int enough) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y));
                if (seen.size() >= enough) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }
}
