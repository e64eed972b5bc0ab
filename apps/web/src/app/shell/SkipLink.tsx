import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** The first thing a keyboard user reaches: jumps past the header and navigation to the page. */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  return (
    <a
      className={classes.skip}
      href={`#${target}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {t('nav.skipToContent')}
    </a>
  );
}
