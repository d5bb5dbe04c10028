import { strict as assert } from 'node:assert';
import { inertText, stripControlChars, visibleText } from '../../../src/core/view/inertText';

describe('inertText', () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    ['plain text stays', 'Mamba: Linear-Time Sequence Modeling', 'Mamba: Linear-Time Sequence Modeling'],
    ['right-to-left letters stay', 'מודל מרחב מצבים نموذج', 'מודל מרחב מצבים نموذج'],
    ['an override is shown by name', 'report\u202Efdp.exe', 'report[RLO]fdp.exe'],
    ['every embedding, override and isolate is named', '\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069', '[LRE][RLE][PDF][LRO][LRI][RLI][FSI][PDI]'],
    ['a terminal title sequence loses its control bytes', 'a\u001b]0;x\u0007b', 'a ]0;x b'],
    ['C1 controls and line breaks become spaces', 'a\u0085b\nc\u2028d', 'a b c d'],
    ['an icon in a label is broken', '$(alert) Fake warning', '$\u200b(alert) Fake warning'],
    ['a link in a notification is broken', '[Open](command:workbench.action.quit)', '[Open]\u200b(command:workbench.action.quit)'],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name}: ${JSON.stringify(input)}`, () => assert.equal(inertText(input), expected));
  }

  it('visibleText names bidi controls and spaces control characters but leaves icons and links alone', () => {
    assert.equal(visibleText('$(x) [a](b) \u202E\u0007'), '$(x) [a](b) [RLO] ');
  });

  it('stripControlChars keeps tab and line breaks and drops every other control character', () => {
    assert.equal(stripControlChars('a\tb\r\nc\u0000\u001b[2J\u007f\u009bd'), 'a\tb\r\nc[2Jd');
  });
});
