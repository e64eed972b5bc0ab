import { useTranslation } from 'react-i18next';
import { formatMoney, type MoneyValue } from '../formatting/format.js';

/** A price: "Free" for zero, else the amount in the viewer's locale. */
export function MoneyText({ money }: { money: MoneyValue }) {
  const { t } = useTranslation();
  return <>{money.amount === 0 ? t('common.free') : formatMoney(money)}</>;
}
