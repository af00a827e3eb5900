// How the page writes figures: money as the API's own sentences do ($1,234.50, $0.0123), counts with separators.

const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const smallAmount = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8, useGrouping: false });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const upToTwo = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** Dollars: $1,234.50 from a dollar up, $0.0123 below, -$5.00 below zero; an em dash for a figure that does not exist. */
export function money(value) {
  if (value === null || value === undefined) return '—';
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1 || magnitude === 0 ? twoDecimals.format(magnitude) : smallAmount.format(magnitude);
  return value < 0 ? `-$${digits}` : `$${digits}`;
}

/** A count, rounded up to a whole one as the API's reasons do: 2,000,000. */
export function count(value) {
  return value === null || value === undefined ? '—' : whole.format(Math.ceil(value));
}

/** A fraction as a percentage: 0.86 is 86%. */
export function share(value) {
  return value === null || value === undefined ? '—' : percent.format(value);
}

/** Months with up to two decimals: 1.3. */
export function months(value) {
  return value === null || value === undefined ? '—' : upToTwo.format(value);
}

/** A date and time as the reader's locale writes it. */
export function moment(text) {
  return new Date(text).toLocaleString();
}
