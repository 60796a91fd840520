import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { Isolated, IsolatedList } from './Isolated';

const RLO = '\u202E';

describe('Isolated names', () => {
  it('wraps a name in <bdi>, unaltered, so its controls stay inside it', () => {
    const html = renderToStaticMarkup(
      <p>
        <Isolated className="post-author">{`${RLO}evil`}</Isolated> · 12 Mar
      </p>,
    );
    expect(html).toBe(`<p><bdi class="post-author">${RLO}evil</bdi> · 12 Mar</p>`);
  });

  it('isolates each name of a list and says when there is none', () => {
    expect(renderToStaticMarkup(<IsolatedList names={['Ada', `${RLO}Ben`]} empty="nobody" />)).toBe(`<bdi>Ada</bdi>, <bdi>${RLO}Ben</bdi>`);
    expect(renderToStaticMarkup(<IsolatedList names={[]} empty="nobody" />)).toBe('nobody');
  });
});
