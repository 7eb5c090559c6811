/**
 * The first-run page (opened on install, lib/background/welcome.ts): connect
 * with the same section as options (so whatever sign-in options offers, this
 * page offers), "who are you" when the admin key needs it, and where each
 * feature shows up in Worksection, and the language; under an organization's
 * policy only "Sign in with Worksection".
 */
import { t, type MessageKey } from '@/lib/i18n';
import { ConnectionSection } from '../options/ConnectionSection';
import { LanguageSection } from '../options/LanguageSection';
import { PolicyProvider } from '../options/policy';
import './welcome.css';

interface Place {
  image: string;
  width: number;
  height: number;
  title: MessageKey;
  text: MessageKey;
  alt: MessageKey;
}

/** Screenshots from docs/screenshots, scaled down to WebP in public/welcome (the package stays small). */
const PLACES: readonly Place[] = [
  { image: 'welcome/project-page.webp', width: 960, height: 1373, title: 'welcomeProjectTitle', text: 'welcomeProjectText', alt: 'welcomeProjectAlt' },
  { image: 'welcome/task-page.webp', width: 960, height: 1010, title: 'welcomeTaskTitle', text: 'welcomeTaskText', alt: 'welcomeTaskAlt' },
  { image: 'welcome/popup.webp', width: 400, height: 684, title: 'welcomePopupTitle', text: 'welcomePopupText', alt: 'welcomePopupAlt' },
];

export function WelcomePage() {
  return (
    <>
      <header class="page-header">
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p>{t('welcomeIntro')}</p>
      {/* With an organization's policy, people only sign in as themselves (and its language may be set). */}
      <PolicyProvider>
        <ConnectionSection signInOnly />
        <LanguageSection />
      </PolicyProvider>
      <section id="where" aria-labelledby="where-heading">
        <h2 id="where-heading">{t('welcomeWhereHeading')}</h2>
        {PLACES.map((place) => (
          <figure class="welcome-place" key={place.image}>
            <figcaption>
              <h3>{t(place.title)}</h3>
              <p>{t(place.text)}</p>
            </figcaption>
            <img src={place.image} alt={t(place.alt)} width={place.width} height={place.height} loading="lazy" />
          </figure>
        ))}
        <p>
          {t('welcomeOptionsText')} <a href="options.html">{t('welcomeOpenOptions')}</a>
        </p>
      </section>
    </>
  );
}
