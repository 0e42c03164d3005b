const integer = new Intl.NumberFormat('fr-FR');

/** `12 345` with the French thin separators. */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "1 commune", "12 communes". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${count > 1 ? pluralForm : singular}`;
}
