package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * XHR §5 {@code FormData} and HTML "create an entry": entry list order, set/delete semantics, and how blobs become
 * files.
 */
class FormDataTests {

	@Test
	void newFormIsEmpty() {
		FormData form = new FormData();
		assertThat(form.entries()).isEmpty();
		assertThat(form.get("a")).isNull();
		assertThat(form.getAll("a")).isEmpty();
		assertThat(form.has("a")).isFalse();
	}

	@Test
	void appendKeepsOrderAndDuplicates() {
		FormData form = new FormData();
		form.append("a", "1");
		form.append("b", "2");
		form.append("a", "3");
		assertThat(form.entries()).containsExactly(entry("a", "1"), entry("b", "2"), entry("a", "3"));
		assertThat(form.keys()).containsExactly("a", "b", "a");
		assertThat(form.values()).containsExactly("1", "2", "3");
		assertThat(form.get("a")).isEqualTo("1");
		assertThat(form.getAll("a")).containsExactly("1", "3");
		assertThat(form.has("b")).isTrue();
	}

	@Test
	void namesAndStringValuesAreUsvStrings() {
		FormData form = new FormData();
		form.append("a\uD83D", "b\uDCA9c");
		assertThat(form.entries()).containsExactly(entry("a\uFFFD", "b\uFFFDc"));
		// The argument of get() is converted too, so the original name still finds the entry.
		assertThat(form.get("a\uD83D")).isEqualTo("b\uFFFDc");
		assertThat(form.get("a\uFFFD")).isEqualTo("b\uFFFDc");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\nb", "a\rb", "a\r\nb", "\n\r" })
	void newlinesAreNotNormalizedWhenTheEntryIsCreated(String text) {
		FormData form = new FormData();
		form.append(text, text);
		assertThat(form.entries()).containsExactly(entry(text, text));
	}

	@Test
	void blobBecomesFileNamedBlobSharingBytesAndType() {
		Blob blob = new Blob(List.of("abc"), "text/plain");
		FormData form = new FormData();
		long before = System.currentTimeMillis();
		form.append("f", blob);
		File file = (File) form.get("f");
		assertThat(file.getName()).isEqualTo("blob");
		assertThat(file.getType()).isEqualTo("text/plain");
		assertThat(file.text()).isEqualTo("abc");
		assertThat(file.array()).isSameAs(blob.array());
		assertThat(file.getLastModified()).isGreaterThanOrEqualTo(before);
	}

	@Test
	void blobWithNullFilenameBecomesFileNamedBlob() {
		FormData form = new FormData();
		form.append("f", new Blob(), null);
		assertThat(((File) form.get("f")).getName()).isEqualTo("blob");
	}

	@Test
	void fileWithoutFilenameIsKeptAsItIs() {
		File file = new File(List.of("abc"), "a.txt", "text/plain", 42L);
		FormData form = new FormData();
		form.append("f", file);
		form.append("g", file, null);
		assertThat(form.get("f")).isSameAs(file);
		assertThat(form.get("g")).isSameAs(file);
	}

	@Test
	void filenameMakesANewFileWithTheSameBytesAndType() {
		File original = new File(List.of("abc"), "a.txt", "text/plain", 42L);
		FormData form = new FormData();
		long before = System.currentTimeMillis();
		form.append("f", original, "b.txt");
		form.append("g", new Blob(List.of("xy"), "image/png"), "c\uD83D.png");
		File file = (File) form.get("f");
		assertThat(file).isNotSameAs(original);
		assertThat(file.getName()).isEqualTo("b.txt");
		assertThat(file.getType()).isEqualTo("text/plain");
		assertThat(file.array()).isSameAs(original.array());
		assertThat(file.getLastModified()).isGreaterThanOrEqualTo(before);
		File other = (File) form.get("g");
		assertThat(other.getName()).isEqualTo("c\uFFFD.png");
		assertThat(other.getType()).isEqualTo("image/png");
		assertThat(other.text()).isEqualTo("xy");
	}

	@Test
	void setReplacesTheFirstEntryAndRemovesTheOthers() {
		FormData form = new FormData();
		form.append("a", "1");
		form.append("b", "2");
		form.append("a", "3");
		form.append("c", "4");
		form.append("a", "5");
		form.set("a", "x");
		assertThat(form.entries()).containsExactly(entry("a", "x"), entry("b", "2"), entry("c", "4"));
	}

	@Test
	void setAppendsWhenThereIsNoEntry() {
		FormData form = new FormData();
		form.append("a", "1");
		form.set("b", "2");
		assertThat(form.entries()).containsExactly(entry("a", "1"), entry("b", "2"));
	}

	@Test
	void setWithBlobCreatesEntryLikeAppend() {
		FormData form = new FormData();
		form.append("a", "1");
		form.append("b", "2");
		form.append("a", "3");
		form.set("a", new Blob(List.of("z")));
		form.set("b", new Blob(List.of("y")), "y.bin");
		assertThat(form.keys()).containsExactly("a", "b");
		assertThat(((File) form.get("a")).getName()).isEqualTo("blob");
		assertThat(((File) form.get("b")).getName()).isEqualTo("y.bin");
		File file = new File(List.of(), "kept");
		form.set("a", file);
		assertThat(form.get("a")).isSameAs(file);
	}

	@Test
	void deleteRemovesEveryEntryWithTheName() {
		FormData form = new FormData();
		form.append("a", "1");
		form.append("b", "2");
		form.append("a", new Blob());
		form.delete("a");
		form.delete("missing");
		assertThat(form.entries()).containsExactly(entry("b", "2"));
		assertThat(form.has("a")).isFalse();
	}

	@Test
	void emptyNameIsAName() {
		FormData form = new FormData();
		form.append("", "v");
		assertThat(form.has("")).isTrue();
		assertThat(form.get("")).isEqualTo("v");
	}

	@Test
	void entriesIsAnImmutableSnapshot() {
		FormData form = new FormData();
		form.append("a", "1");
		List<Map.Entry<String, Object>> entries = form.entries();
		List<String> keys = form.keys();
		List<Object> values = form.values();
		List<Object> all = form.getAll("a");
		form.append("a", "2");
		assertThat(entries).hasSize(1);
		assertThat(keys).hasSize(1);
		assertThat(values).hasSize(1);
		assertThat(all).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> entries.add(entry("b", "")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> all.clear());
	}

	@Test
	void forEachVisitsEntriesInOrder() {
		FormData form = new FormData();
		form.append("a", "1");
		form.append("b", new Blob());
		List<String> seen = new ArrayList<>();
		form.forEach((name, value) -> seen.add(name + "=" + value.getClass().getSimpleName()));
		assertThat(seen).containsExactly("a=String", "b=File");
	}

	@Test
	void forEachIsLiveLikeWebIdlIterators() {
		FormData form = new FormData();
		form.append("param0", "0");
		form.append("param1", "1");
		form.append("param2", "2");
		List<String> seen = new ArrayList<>();
		form.forEach((name, value) -> {
			if (name.equals("param0")) {
				form.delete("param1");
			}
			seen.add(name);
		});
		assertThat(seen).containsExactly("param0", "param2");
	}

	@Test
	void nullArgumentsAreRejected() {
		FormData form = new FormData();
		assertThatNullPointerException().isThrownBy(() -> form.append(null, "v"))
			.withMessage("'name' must not be null");
		assertThatNullPointerException().isThrownBy(() -> form.append("n", (String) null))
			.withMessage("'value' must not be null");
		assertThatNullPointerException().isThrownBy(() -> form.append("n", (Blob) null))
			.withMessage("'value' must not be null");
		assertThatNullPointerException().isThrownBy(() -> form.get(null)).withMessage("'name' must not be null");
	}

}
